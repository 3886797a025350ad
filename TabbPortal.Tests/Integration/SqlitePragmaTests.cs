using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration;

/// <summary>The connection settings children's data needs (see SqlitePragmaInterceptor), checked on the app's own connections.</summary>
public sealed class SqlitePragmaTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_opened_by_the_app_context_runs_in_WAL_with_full_sync_and_foreign_keys(bool openAsynchronously)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        if (openAsynchronously)
        {
            await context.Database.OpenConnectionAsync();
        }
        else
        {
            context.Database.OpenConnection();
        }

        var connection = context.Database.GetDbConnection();

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(connection, "synchronous"));
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
        Assert.Equal("5000", await PragmaAsync(connection, "busy_timeout"));
    }

    [Fact]
    public async Task The_scoped_context_of_a_request_gets_the_same_settings()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await context.Database.OpenConnectionAsync();

        var connection = context.Database.GetDbConnection();

        Assert.Equal("2", await PragmaAsync(connection, "synchronous"));
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
    }

    [Fact]
    public async Task A_context_given_back_is_handed_out_again_reset_with_nothing_of_its_last_user()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var first = await contexts.CreateDbContextAsync();
        var unit = await first.Units.OrderBy(u => u.Name).FirstAsync();
        first.Entry(unit).Property(u => u.Name).CurrentValue = "Ändrad men aldrig sparad";
        await first.DisposeAsync();

        // Pooled (a new context builds EF's services afresh, a tenth of a live edit's CPU): the same instance comes back
        // (after the others waiting in the pool), but reset: nothing tracked, and the unsaved change is gone.
        Assert.IsType<PooledDbContextFactory<PortalDbContext>>(contexts);
        var rented = new List<PortalDbContext>();
        try
        {
            PortalDbContext? second = null;
            for (var i = 0; i < 256 && second is null; i++)
            {
                var context = await contexts.CreateDbContextAsync();
                rented.Add(context);
                second = ReferenceEquals(context, first) ? context : null;
            }

            Assert.NotNull(second);
            Assert.Empty(second.ChangeTracker.Entries());
            Assert.NotEqual("Ändrad men aldrig sparad", (await second.Units.SingleAsync(u => u.Id == unit.Id)).Name);
        }
        finally
        {
            foreach (var context in rented)
            {
                await context.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_database_refuses_a_unit_of_an_organisation_that_does_not_exist()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        var unitId = Guid.NewGuid().ToString().ToUpperInvariant();
        var organisationId = Guid.NewGuid().ToString().ToUpperInvariant();
        var version = Guid.NewGuid().ToString().ToUpperInvariant();

        var error = await Assert.ThrowsAsync<SqliteException>(() => context.Database.ExecuteSqlAsync(
            $"INSERT INTO Units (Id, OrganisationId, Name, Type, Municipality, IsActive, Version) VALUES ({unitId}, {organisationId}, 'Föräldralös enhet', 'School', NULL, 1, {version})"));

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT (FOREIGN KEY)
    }

    /// <summary>
    /// A database restored from a backup or made by another tool may be in rollback-journal (DELETE) mode; EF does not
    /// switch an existing file to WAL, so the interceptor must, and the portal must still start.
    /// </summary>
    [Fact]
    public async Task The_portal_starts_on_an_existing_rollback_journal_database_and_switches_it_to_WAL()
    {
        using var database = new TemporaryDatabase();
        await using (var plain = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(database.ConnectionString).Options))
        {
            await plain.Database.MigrateAsync();
            await plain.Database.OpenConnectionAsync();
            Assert.Equal("delete", await PragmaAsync(plain.Database.GetDbConnection(), "journal_mode=DELETE"));
        }

        await using var portal = new PortalFactory(database, ownsDatabase: false, "Development", seedDemo: true);
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        await context.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(context.Database.GetDbConnection(), "journal_mode"));
        Assert.True(await context.Organisations.AnyAsync());
    }

    private static async Task<string> PragmaAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
