using Microsoft.Data.Sqlite;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration;

/// <summary>Where the portal puts its database file, given the configured connection string.</summary>
public sealed class ConnectionStringTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "tabbportal-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_relative_data_source_is_placed_under_the_content_root_and_its_folder_is_made()
    {
        var resolved = new SqliteConnectionStringBuilder(DependencyInjection.ResolveConnectionString("Data Source=data/portal.db", _contentRoot));

        Assert.Equal(Path.Combine(_contentRoot, "data", "portal.db"), resolved.DataSource);
        Assert.True(Directory.Exists(Path.Combine(_contentRoot, "data")));
    }

    [Fact]
    public void An_absolute_data_source_is_kept()
    {
        var file = Path.Combine(_contentRoot, "elsewhere", "portal.db");

        var resolved = new SqliteConnectionStringBuilder(DependencyInjection.ResolveConnectionString("Data Source=" + file, "/somewhere/else"));

        Assert.Equal(file, resolved.DataSource);
        Assert.True(Directory.Exists(Path.GetDirectoryName(file)));
    }

    [Fact]
    public void An_in_memory_data_source_is_kept_and_other_settings_survive()
    {
        var resolved = new SqliteConnectionStringBuilder(DependencyInjection.ResolveConnectionString("Data Source=:memory:;Cache=Shared", _contentRoot));

        Assert.Equal(":memory:", resolved.DataSource);
        Assert.Equal(SqliteCacheMode.Shared, resolved.Cache);
        Assert.False(Directory.Exists(_contentRoot));
    }

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }
}
