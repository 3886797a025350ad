using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Audit;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Plans;
using TabbPortal.Domain.Retention;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Tests.Integration.DataExport;
using TabbPortal.Web.Audit;
using TabbPortal.Web.Retention;

namespace TabbPortal.Tests.Integration.Retention;

/// <summary>
/// Retention on a fake clock, each test on a portal and database of its own (a run removes every child the rule
/// covers). The seeded child's plan opened in January 2019 and closed on 30 June 2020; the default rule is 5 years.
/// </summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Start = new(2019, 1, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly ClosedOn = new(2020, 6, 30);

    [Fact]
    public async Task A_child_whose_plan_closed_five_years_ago_less_a_day_is_kept_and_a_day_later_it_is_removed()
    {
        await using var factory = new ClockedPortalFactory();
        var child = await SeededChild.SeedAsync(factory, "Greta", "Gallrasson", Start, ClosedOn);

        factory.Clock.Now = At(ClosedOn.AddYears(5).AddDays(-1));
        Assert.DoesNotContain(child.ChildId, (await OverviewAsync(factory)).Candidates.Select(c => c.ChildId));
        var early = await RunAsync(factory, dryRun: false);
        Assert.Equal(0, early.Children);
        Assert.Equal(1, (await child.RowsInDatabaseAsync(factory))["Children"]);

        factory.Clock.Now = At(ClosedOn.AddYears(5));
        Assert.Empty((await OverviewAsync(factory)).Candidates);

        factory.Clock.Now = At(ClosedOn.AddYears(5).AddDays(1));
        var candidate = Assert.Single((await OverviewAsync(factory)).Candidates);
        Assert.Equal(new RetentionCandidate(child.ChildId, "Flen kommun", ClosedOn, 1), candidate);
        var run = await RunAsync(factory, dryRun: false);
        Assert.Equal([child.ChildId], run.ChildIds);
        Assert.Equal(0, (await child.RowsInDatabaseAsync(factory))["Children"]);
    }

    [Fact]
    public async Task A_child_with_an_open_plan_beside_the_closed_one_is_kept()
    {
        await using var factory = new ClockedPortalFactory();
        var child = await SeededChild.SeedAsync(factory, "Olle", "Oppensson", Start, ClosedOn);
        await using (var context = await DemoLookup.ContextAsync(factory))
        {
            context.Plans.Add(Plan.Open(child.ChildId, await DemoLookup.UserIdAsync(factory, DemoLookup.Karin), At(ClosedOn.AddDays(-1))));
            await context.SaveChangesAsync();
        }

        factory.Clock.Now = At(ClosedOn.AddYears(20));

        Assert.Empty((await OverviewAsync(factory)).Candidates);
        Assert.Equal(0, (await RunAsync(factory, dryRun: false)).Children);
        Assert.Equal(1, (await child.RowsInDatabaseAsync(factory))["Children"]);
    }

    [Fact]
    public async Task A_concern_raised_after_the_plan_closed_keeps_the_child()
    {
        await using var factory = new ClockedPortalFactory();
        var child = await SeededChild.SeedAsync(factory, "Oskar", "Orosson", Start, ClosedOn);
        var ekskolan = await DemoLookup.UnitIdAsync(factory, "Ekskolan");
        await using (var context = await DemoLookup.ContextAsync(factory))
        {
            context.Concerns.Add(Concern.Record(new ConcernInput { ChildId = child.ChildId, WhatIsInTheWay = "Ny oro.", Decision = ConcernDecision.HandleWithinAgency },
                new StaffRef(await DemoLookup.UserIdAsync(factory, DemoLookup.Omar), "Omar Haddad", ekskolan), At(ClosedOn.AddMonths(7))));
            await context.SaveChangesAsync();
        }

        factory.Clock.Now = At(ClosedOn.AddYears(20));

        Assert.Empty((await OverviewAsync(factory)).Candidates);
        Assert.Equal(1, (await child.RowsInDatabaseAsync(factory))["Children"]);
    }

    [Fact]
    public async Task A_write_in_the_access_log_after_the_plan_closed_keeps_the_child_but_a_read_does_not()
    {
        await using var factory = new ClockedPortalFactory();
        var written = await SeededChild.SeedAsync(factory, "Wille", "Skrivsson", Start, ClosedOn);
        var read = await SeededChild.SeedAsync(factory, "Lisa", "Lässon", Start, ClosedOn);
        factory.Clock.Now = At(ClosedOn.AddYears(1));
        await LogAsync(factory, written.ChildId, AccessKind.Write);
        await LogAsync(factory, read.ChildId, AccessKind.Read);

        factory.Clock.Now = At(ClosedOn.AddYears(20));

        Assert.Equal([read.ChildId], (await OverviewAsync(factory)).Candidates.Select(c => c.ChildId));
    }

    [Fact]
    public async Task A_dry_run_lists_the_child_changes_nothing_and_leaves_a_receipt()
    {
        await using var factory = new ClockedPortalFactory();
        var child = await SeededChild.SeedAsync(factory, "Dora", "Dryrunsson", Start, ClosedOn);
        factory.Clock.Now = At(ClosedOn.AddYears(6));
        var before = await child.RowsInDatabaseAsync(factory);
        Assert.All(before, table => Assert.True(table.Value > 0, $"The seeded child has no row in {table.Key}."));

        var receipt = await RunAsync(factory, dryRun: true);

        Assert.True(receipt.DryRun);
        Assert.Equal([child.ChildId], receipt.ChildIds);
        Assert.Equal((1, 1), (receipt.Children, receipt.Plans));
        Assert.Equal(before, await child.RowsInDatabaseAsync(factory));
        await using var context = await DemoLookup.ContextAsync(factory);
        Assert.Equal(0, await context.RemovedPlanStatistics.CountAsync());
        Assert.Empty(await context.AccessLog.AsNoTracking().Where(e => e.ChildId == child.ChildId).ToListAsync());
        var stored = Assert.Single(await context.RetentionRuns.AsNoTracking().ToListAsync());
        Assert.Equal((receipt.Id, true, "Retention:ClosedPlanYears=5", 5, "Nils Dahl"), (stored.Id, stored.DryRun, stored.Rule, stored.ClosedPlanYears, stored.ByName));
        Assert.Equal(factory.Clock.Now, stored.At);
        Assert.Single((await OverviewAsync(factory)).Receipts, r => r.Id == receipt.Id && r.DryRun);
    }

    [Fact]
    public async Task A_run_removes_the_child_and_everything_hanging_off_it_and_keeps_anonymous_statistics_and_a_receipt()
    {
        await using var factory = new ClockedPortalFactory();
        var child = await SeededChild.SeedAsync(factory, "Rut", "Raderasson", Start, ClosedOn);
        var kept = await SeededChild.SeedAsync(factory, "Kalle", "Kvarsson", Start);
        factory.Clock.Now = At(ClosedOn.AddDays(3));
        await LogAsync(factory, child.ChildId, AccessKind.Read);
        factory.Clock.Now = At(ClosedOn.AddYears(6));

        var receipt = await RunAsync(factory, dryRun: false);

        Assert.False(receipt.DryRun);
        Assert.Equal([child.ChildId], receipt.ChildIds);
        Assert.All(await child.RowsInDatabaseAsync(factory), table => Assert.True(table.Value == 0, $"{table.Value} rows of the removed child left in {table.Key}."));
        Assert.All(await kept.RowsInDatabaseAsync(factory), table => Assert.True(table.Value > 0, $"The other child lost its rows in {table.Key}."));

        await using var context = await DemoLookup.ContextAsync(factory);
        var statistics = Assert.Single(await context.RemovedPlanStatistics.AsNoTracking().ToListAsync());
        Assert.Equal(await DemoLookup.MunicipalityIdAsync(factory, "Flen kommun"), statistics.MunicipalityId);
        Assert.Equal(
            (PlanType.ChildsPlan, new DateOnly(2019, 1, 1), new DateOnly(2020, 6, 1), SupportLevel.Targeted, true, 1, 0, 0, 1),
            (statistics.PlanType, statistics.OpenedMonth, statistics.ClosedMonth, statistics.HighestSupportLevel, statistics.ChildViewsRecorded,
                statistics.SchoolActions, statistics.SocialServicesActions, statistics.HealthCareActions, statistics.Meetings));
        var run = Assert.Single(await context.RetentionRuns.AsNoTracking().ToListAsync());
        Assert.Equal((false, 1, 1), (run.DryRun, run.ChildCount, run.PlanCount));
        Assert.Equal([child.ChildId], run.ChildIds);

        // The access log keeps every entry about the child (by id), with the removal itself, and its chain is intact.
        var entries = await context.AccessLog.AsNoTracking().Where(e => e.ChildId == child.ChildId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([(AccessKind.Read, RecordPart.Plan), (AccessKind.Write, RecordPart.Retention)], entries.Select(e => (e.Kind, e.Part)));
        Assert.Equal(await DemoLookup.UserIdAsync(factory, DemoLookup.Nils), entries[1].UserId);
        Assert.True((await AccessLogVerifier.VerifyAsync(factory.Database.ConnectionString)).IsIntact);

        // Nothing in the statistics leads back to the child: none of its ids is in any column.
        var statisticsRow = await RowTextAsync(factory, "RemovedPlanStatistics");
        foreach (var id in new[] { child.ChildId, child.PlanId, child.NeedId, child.ActionId, receipt.Id })
        {
            Assert.DoesNotContain(id.ToString(), statisticsRow, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_receipt_cannot_be_changed_or_deleted_in_the_database()
    {
        await using var factory = new ClockedPortalFactory();
        await RunAsync(factory, dryRun: true);

        await using var connection = new SqliteConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE \"RetentionRuns\" SET \"ChildCount\" = 99", "DELETE FROM \"RetentionRuns\"" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("retention receipt", refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DemoLookup.Karin)]
    [InlineData(DemoLookup.Eva)]
    public async Task The_retention_page_and_service_refuse_anyone_but_an_administrator(string email)
    {
        await using var factory = new ClockedPortalFactory();
        var child = await SeededChild.SeedAsync(factory, "Nora", "Nekadsson", Start, ClosedOn);
        factory.Clock.Now = At(ClosedOn.AddYears(6));
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(email);

        var page = await browser.GetAsync("/admin/gallring");

        Assert.Equal(HttpStatusCode.Found, page.Status);
        Assert.Equal(PortalBrowser.AccessDeniedPath, page.Location?.AbsolutePath);
        var (scope, _) = await SignedInScope.StartAsync(factory, email);
        await using (scope)
        {
            var service = scope.ServiceProvider.GetRequiredService<RetentionService>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetOverviewAsync());
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RunAsync(dryRun: false));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RunAsync(dryRun: true));
        }

        Assert.Equal(1, (await child.RowsInDatabaseAsync(factory))["Children"]);
        await using var context = await DemoLookup.ContextAsync(factory);
        Assert.Equal(0, await context.RetentionRuns.CountAsync());
    }

    [Fact]
    public async Task The_administrator_sees_the_retention_page_with_the_candidates_by_id_municipality_and_closing_day_only()
    {
        await using var factory = new ClockedPortalFactory();
        var child = await SeededChild.SeedAsync(factory, "Vera", "Visasson", Start, ClosedOn);
        factory.Clock.Now = At(ClosedOn.AddYears(6));
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(DemoLookup.Nils);

        var page = await browser.GetAsync("/admin/gallring");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Matches("<h1[^>]*>Gallring</h1>", page.Text);
        Assert.Contains("mer än 5 år sedan (före 2021-06-30)", page.Text, StringComparison.Ordinal);
        Assert.Contains(child.ChildId.ToString(), page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Flen kommun", page.Text, StringComparison.Ordinal);
        Assert.Contains("2020-06-30", page.Text, StringComparison.Ordinal);
        foreach (var personal in new[] { "Vera", "Visasson", child.Number[..8] })
        {
            Assert.DoesNotContain(personal, page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_rule_takes_its_years_from_the_setting_and_is_five_by_default()
    {
        await using var factory = new ClockedPortalFactory();
        await using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Retention:ClosedPlanYears", "2"));

        Assert.Equal(2, RuleYears(configured));
        Assert.Equal(5, RuleYears(factory));
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    /// <summary>An allowed access by Karin (Ekskolan) to the child's plan, straight into the access log, at the clock's time.</summary>
    private static async Task LogAsync(ClockedPortalFactory factory, Guid childId, AccessKind kind) =>
        await factory.Services.GetRequiredService<IAccessLog>().AppendAsync(new AccessLogRecord(
            await DemoLookup.UserIdAsync(factory, DemoLookup.Karin), "Karin Ek", "Practitioner", await DemoLookup.UnitIdAsync(factory, "Ekskolan"),
            TabbPortal.Domain.Organisations.Sector.School, childId, kind, RecordPart.Plan, true, AccessBasis.Consent, null, null), CancellationToken.None);

    private static async Task<RetentionOverview> OverviewAsync(ClockedPortalFactory factory)
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, DemoLookup.Nils);
        await using (scope)
        {
            return await scope.ServiceProvider.GetRequiredService<RetentionService>().GetOverviewAsync();
        }
    }

    private static async Task<RetentionReceipt> RunAsync(ClockedPortalFactory factory, bool dryRun)
    {
        var (scope, _) = await SignedInScope.StartAsync(factory, DemoLookup.Nils);
        await using (scope)
        {
            return await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(dryRun);
        }
    }

    private static async Task<string> RowTextAsync(ClockedPortalFactory factory, string table)
    {
        await using var connection = new SqliteConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return string.Join("|", values);
    }

    private static int RuleYears(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<RetentionService>().Rule.ClosedPlanYears;
    }
}
