using System.Data.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Web.Persistence;
using TabbPortal.Web.Security;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Access;

/// <summary>
/// The gate remembers its decisions with the child's access stamp (ADR-011). The database renews the stamp whenever a
/// row the rule reads changes, and not when the plan's contents change, so a remembered decision is used in a busy
/// meeting and never after a change to who may see the child.
/// </summary>
public sealed class AccessStampTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> ChangesTheRuleReads =>
    [
        """UPDATE "Children" SET "SchoolUnitId" = "SchoolUnitId" WHERE "Id" = $child""",
        """UPDATE "Children" SET "RegisteredByUnitId" = "RegisteredByUnitId" WHERE "Id" = $child""",
        """UPDATE "Guardians" SET "HasCustody" = "HasCustody" WHERE "ChildId" = $child""",
        """INSERT INTO "Guardians" ("Id", "Name", "HasCustody", "ChildId") VALUES (upper(hex(randomblob(16))), 'Ny Vårdnadshavare', 1, $child)""",
        """
        INSERT INTO "ChildRoleAssignments" ("Id", "Role", "StaffUserId", "StaffName", "UnitId", "From", "To", "HandoverNote", "ChildId")
        SELECT upper(hex(randomblob(16))), 'Mentor', 'someone', 'Någon', "RegisteredByUnitId", '2026-01-01', NULL, NULL, "Id" FROM "Children" WHERE "Id" = $child
        """,
        """UPDATE "PlanParticipants" SET "UnitId" = "UnitId" WHERE "PlanId" = $plan""",
        """DELETE FROM "PlanParticipants" WHERE "PlanId" = $plan""",
        """UPDATE "PlanActions" SET "ResponsibleUnitId" = "ResponsibleUnitId" WHERE "PlanId" = $plan""",
        """DELETE FROM "PlanActions" WHERE "PlanId" = $plan""",
        """DELETE FROM "Plans" WHERE "Id" = $plan""",
        """DELETE FROM "Consents" WHERE "ChildId" = $child""",
        """
        INSERT INTO "EmergencyAccesses" ("Id", "ChildId", "UserId", "UserName", "UnitId", "Reason", "GrantedAt", "ExpiresAt")
        SELECT upper(hex(randomblob(16))), "Id", 'someone', 'Någon', "RegisteredByUnitId", 'Akut oro för barnet.', 0, 0 FROM "Children" WHERE "Id" = $child
        """,
    ];

    public static TheoryData<string> ChangesTheRuleDoesNotRead =>
    [
        """UPDATE "PlanActions" SET "Evidence" = 'Ny uppföljning', "Status" = "Status" WHERE "PlanId" = $plan""",
        """UPDATE "Plans" SET "Summary" = 'Ny sammanfattning', "ChildViews" = 'Nya synpunkter' WHERE "Id" = $plan""",
        """UPDATE "Children" SET "GivenName" = "GivenName" WHERE "Id" = $child""",
    ];

    [Theory]
    [MemberData(nameof(ChangesTheRuleReads))]
    public async Task A_change_to_what_the_access_rule_reads_renews_the_childs_stamp(string change)
    {
        var (before, after, rows) = await StampAroundAsync(change);

        Assert.True(rows > 0, "The change touched no row; the test child lacks what it changes.");
        Assert.True(after > before, $"The stamp stayed at {before} after: {change}");
    }

    [Theory]
    [MemberData(nameof(ChangesTheRuleDoesNotRead))]
    public async Task Editing_the_plans_contents_keeps_the_stamp(string change)
    {
        var (before, after, rows) = await StampAroundAsync(change);

        Assert.True(rows > 0);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_remembered_decision_costs_one_read_and_a_withdrawal_is_seen_at_the_next_decision()
    {
        var child = await MatrixChildren.BuildAsync(factory, ConsentState.Valid, "Stämpelsson");
        var (scope, _) = await SignedInScope.StartAsync(factory, Sara);
        await using (scope)
        {
            var gate = scope.ServiceProvider.GetRequiredService<ChildAccessGate>();
            var sara = (await scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User;
            var commands = new CommandCounter();

            Assert.True((await GrantAsync(gate, sara, child.Id, commands)) is { IsFull: true });
            var first = commands.Count;
            Assert.True((await GrantAsync(gate, sara, child.Id, commands)) is { IsFull: true });
            Assert.True(first > 2, $"The first decision ran {first} commands: it should read the rule's facts.");
            Assert.Equal(first + 1, commands.Count);

            await MatrixChildren.WithdrawAllAsync(factory, child.Id);

            Assert.Null(await GrantAsync(gate, sara, child.Id, commands));
        }
    }

    private async Task<ChildAccessGrant?> GrantAsync(ChildAccessGate gate, ClaimsPrincipal user, Guid childId, CommandCounter commands)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(factory.Database.ConnectionString)
            .AddInterceptors(commands)
            .Options;
        await using var context = new PortalDbContext(options);
        return await gate.GrantAsync(context, user, childId, CancellationToken.None);
    }

    /// <summary>Runs <paramref name="change"/> on a fresh test child in a transaction that is rolled back, and reads the stamp on both sides.</summary>
    private async Task<(long Before, long After, int Rows)> StampAroundAsync(string change)
    {
        var child = await MatrixChildren.BuildAsync(factory, ConsentState.Valid, "Stämpelsson");
        await using var connection = new SqliteConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, null, "PRAGMA foreign_keys = ON");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var before = await StampAsync(connection, transaction, child.Id);
        var rows = await Execute(connection, transaction, change, ("$child", child.Id), ("$plan", child.PlanId));
        var after = await StampAsync(connection, transaction, child.Id);
        await transaction.RollbackAsync();
        return (before, after, rows);
    }

    private static async Task<long> StampAsync(SqliteConnection connection, SqliteTransaction transaction, Guid childId)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """SELECT "AccessStamp" FROM "Children" WHERE "Id" = $child""";
        command.Parameters.AddWithValue("$child", childId.ToString().ToUpperInvariant());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, Guid Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Where(p => sql.Contains(p.Name, StringComparison.Ordinal)))
        {
            command.Parameters.AddWithValue(name, value.ToString().ToUpperInvariant());
        }

        return await command.ExecuteNonQueryAsync();
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
