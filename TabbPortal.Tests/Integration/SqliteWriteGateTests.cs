using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration;

/// <summary>
/// One writer at a time per database in the process (ADR-011): a save waits, without a thread, until a write
/// transaction is over, instead of meeting SQLite's lock and sleeping in its busy handler.
/// </summary>
public sealed class SqliteWriteGateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_save_waits_for_the_open_write_transaction_and_goes_through_when_it_ends()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var writer = await contexts.CreateDbContextAsync();
        await using var other = await contexts.CreateDbContextAsync();

        var transaction = await writer.BeginWriteAsync();
        Task<int> save;
        try
        {
            save = other.SaveChangesAsync();
            await Task.Delay(300);
            Assert.False(save.IsCompleted, "The save did not wait for the write transaction.");
        }
        finally
        {
            await transaction.DisposeAsync();
        }

        Assert.Equal(0, await save.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_save_inside_the_write_transaction_does_not_wait_for_itself()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var writer = await contexts.CreateDbContextAsync();

        await using var transaction = await writer.BeginWriteAsync();

        Assert.Equal(0, await writer.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        await transaction.CommitAsync();
    }
}
