using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration;

/// <summary>
/// The migrations are written by hand (no design-time tools on .NET 8 here), so nothing but this test keeps them in step
/// with the model: a migrated database must have exactly the schema that EnsureCreated makes from the current model.
/// </summary>
public sealed class MigrationSchemaTests : IDisposable
{
    private readonly TemporaryDatabase _migrated = new();
    private readonly TemporaryDatabase _created = new();

    [Fact]
    public async Task The_migrated_schema_matches_the_schema_of_the_current_model()
    {
        await using (var context = CreateContext(_migrated))
        {
            await context.Database.MigrateAsync();
        }

        await using (var context = CreateContext(_created))
        {
            Assert.True(await context.Database.EnsureCreatedAsync());
        }

        var fromModel = await SqliteSchema.DescribeAsync(_created.ConnectionString);
        var fromMigrations = await SqliteSchema.DescribeAsync(_migrated.ConnectionString);

        Assert.Contains("table Organisations", fromModel);
        Assert.Contains("table AspNetUsers", fromModel);
        var difference = SqliteSchema.Difference(fromModel, "the model (EnsureCreated)", fromMigrations, "the migrations (Migrate)");
        Assert.True(difference.Length == 0, "The migrations and the model disagree. Write a migration for the change.\n" + difference);
    }

    [Fact]
    public async Task No_migration_is_pending_after_migrating_a_fresh_database()
    {
        await using var context = CreateContext(_migrated);

        await context.Database.MigrateAsync();

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Migrating_an_up_to_date_database_again_changes_nothing()
    {
        await using (var context = CreateContext(_migrated))
        {
            await context.Database.MigrateAsync();
        }

        var before = await SqliteSchema.DescribeAsync(_migrated.ConnectionString);
        await using (var context = CreateContext(_migrated))
        {
            await context.Database.MigrateAsync();
        }

        var after = await SqliteSchema.DescribeAsync(_migrated.ConnectionString);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_migrations_can_be_rolled_back_to_an_empty_database()
    {
        await using var context = CreateContext(_migrated);
        await context.Database.MigrateAsync();

        await context.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);

        var left = await SqliteSchema.DescribeAsync(_migrated.ConnectionString);
        Assert.Empty(left);
        Assert.Empty(await context.Database.GetAppliedMigrationsAsync());
    }

    private static PortalDbContext CreateContext(TemporaryDatabase database) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(database.ConnectionString).Options);

    public void Dispose()
    {
        _migrated.Dispose();
        _created.Dispose();
    }
}
