using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TabbPortal.Tests.Browser;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Live;

/// <summary>
/// The built portal on a free 127.0.0.1 port with demo data (as for the browser tests), for hub clients under Node,
/// and the id of the demo's coordinated plan (Noah Sjöberg's): Karin Ek and Sara Holm may see Noah, Maria Lund may not.
/// </summary>
public sealed class LiveServerFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string>? _settings;

    public LiveServerFixture()
    {
    }

    /// <summary>A server of its own with <paramref name="settings"/>, for a test class that does not share it.</summary>
    internal LiveServerFixture(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public PortalServer Server { get; private set; } = default!;

    public Guid NoahsPlanId { get; private set; }

    public async Task InitializeAsync()
    {
        Server = await PortalServer.StartAsync(_settings);
        var connection = new SqliteConnectionStringBuilder { DataSource = Server.DatabaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection.ToString()).Options;
        await using var context = new PortalDbContext(options);
        NoahsPlanId = await context.Plans
            .Where(p => context.Children.Any(c => c.Id == p.ChildId && c.GivenName == "Noah" && c.FamilyName == "Sjöberg"))
            .Select(p => p.Id).SingleAsync();
    }

    internal Task<NodeRun> RunAsync(string script, params (string Name, string Value)[] environment) =>
        NodeScenario.RunAsync(script, Server, environment.ToDictionary(e => e.Name, e => e.Value));

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
