using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration;

/// <summary>
/// The whole portal (the real <c>Program</c>) on an in-memory test server, over a fresh SQLite file of its own.
/// By default: the Development environment with demo data seeded under <see cref="DemoPassword"/>.
/// The database folder is deleted when the factory is disposed, unless it was lent by the caller.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>Strong enough for the password policy; every demo account gets it.</summary>
    public const string DemoPassword = "Test-Password-2026";

    private readonly string _environment;
    private readonly bool? _seedDemo;
    private readonly bool _ownsDatabase;

    /// <summary>Development, demo data seeded, a database of its own (the class-fixture default).</summary>
    public PortalFactory()
        : this(new TemporaryDatabase(), ownsDatabase: true, "Development", seedDemo: true)
    {
    }

    /// <param name="database">The SQLite file to run on.</param>
    /// <param name="ownsDatabase">True if the factory deletes the database when disposed.</param>
    /// <param name="environment">The hosting environment, e.g. "Development" or "Production".</param>
    /// <param name="seedDemo">The value of Demo:Seed; null leaves it unset so that the app decides by environment.</param>
    internal PortalFactory(TemporaryDatabase database, bool ownsDatabase, string environment, bool? seedDemo)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        _environment = environment;
        _seedDemo = seedDemo;
    }

    internal TemporaryDatabase Database { get; }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreatePortalClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // UseSetting, not ConfigureAppConfiguration: the app reads the connection string while registering its
        // services, before app configuration added by the factory would be applied.
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Portal", Database.ConnectionString);
        builder.UseSetting("DataProtection:KeysFolder", Database.KeysFolder);
        builder.UseSetting("Demo:Password", DemoPassword);
        if (_seedDemo is { } seed)
        {
            builder.UseSetting("Demo:Seed", seed ? "true" : "false");
        }
    }

    /// <summary>
    /// Adds interceptors to every database context the portal makes (they share one set of options, pooled): for tests that
    /// count or slow down the portal's SQL commands.
    /// </summary>
    protected static void InterceptDatabase(IServiceCollection services, params IInterceptor[] interceptors)
    {
        var original = services.Single(d => d.ServiceType == typeof(DbContextOptions<PortalDbContext>));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(DbContextOptions<PortalDbContext>),
            provider => new DbContextOptionsBuilder<PortalDbContext>((DbContextOptions<PortalDbContext>)original.ImplementationFactory!(provider))
                .AddInterceptors(interceptors).Options,
            original.Lifetime));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Database.Dispose();
        }
    }
}

/// <summary>A folder under the temp folder with a SQLite file (and the data-protection keys) of one test's portal.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "tabbportal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        File = Path.Combine(Folder, "portal.db");
        KeysFolder = Path.Combine(Folder, "keys");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = File }.ToString();
    }

    public string Folder { get; }

    public string File { get; }

    public string KeysFolder { get; }

    public string ConnectionString { get; }

    /// <summary>Empties the pool of this file's connections, then deletes the folder; safe to call more than once.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
