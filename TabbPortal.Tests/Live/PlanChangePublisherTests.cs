using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Tests.Integration;
using TabbPortal.Web.Live;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Live;

/// <summary>
/// The in-process change feed and presence registry of the real portal (in-memory test server): a published change
/// reaches the hub clients that joined the plan and the subscribed circuits, and nobody else; a circuit's presence is
/// told to the hub clients.
/// </summary>
public sealed class PlanChangePublisherTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private IPlanChangePublisher Publisher => factory.Services.GetRequiredService<IPlanChangePublisher>();

    private PlanSubscriptions Subscriptions => factory.Services.GetRequiredService<PlanSubscriptions>();

    [Fact]
    public async Task A_published_change_reaches_the_hub_clients_that_joined_the_plan_and_no_one_else()
    {
        var planId = await NoahsPlanIdAsync();
        await using var karin = await RawHubClient.ConnectAsync(factory, Karin);
        await using var sara = await RawHubClient.ConnectAsync(factory, Sara);
        await karin.InvokeAsync("JoinPlan", planId);

        var first = Change(planId, "first");
        var toKarin = karin.NextAsync("PlanChanged", m => Note(m) == "first");
        await Publisher.PublishAsync(first, CancellationToken.None);
        var received = await toKarin;

        Assert.Equal(planId, received.GetProperty("planId").GetGuid());
        Assert.Equal(("Action", "Saved", first.ItemId, first.Version), (
            received.GetProperty("part").GetString(), received.GetProperty("kind").GetString(),
            received.GetProperty("itemId").GetGuid(), received.GetProperty("version").GetGuid()));
        Assert.Equal("Karin Ek", received.GetProperty("byName").GetString());

        // Sara's join is answered after anything sent to her before it, so the feed did not send her the first change.
        await sara.InvokeAsync("JoinPlan", planId);
        Assert.Empty(sara.ReceivedOf("PlanChanged"));

        var toSara = sara.NextAsync("PlanChanged", m => Note(m) == "second");
        await Publisher.PublishAsync(Change(planId, "second"), CancellationToken.None);
        Assert.Equal("second", Note(await toSara));
    }

    [Fact]
    public async Task A_published_change_reaches_a_subscribed_circuit_until_it_unsubscribes()
    {
        var planId = Guid.NewGuid();
        var received = new List<PlanChangeMessage>();
        var otherPlan = new List<PlanChangeMessage>();
        using var otherSubscription = Subscriptions.Subscribe(Guid.NewGuid(), m => Record(otherPlan, m));
        var subscription = Subscriptions.Subscribe(planId, m => Record(received, m));
        Assert.Equal(1, Subscriptions.CountFor(planId));

        var change = Change(planId, "to the circuit");
        await Publisher.PublishAsync(change, CancellationToken.None);
        subscription.Dispose();
        subscription.Dispose();
        await Publisher.PublishAsync(Change(planId, "after unsubscribing"), CancellationToken.None);

        Assert.Same(change, Assert.Single(received));
        Assert.Empty(otherPlan);
        Assert.Equal(0, Subscriptions.CountFor(planId));
    }

    [Fact]
    public async Task A_failing_circuit_does_not_keep_the_change_from_the_others()
    {
        var planId = Guid.NewGuid();
        var received = new List<PlanChangeMessage>();
        using var failing = Subscriptions.Subscribe(planId, _ => throw new InvalidOperationException("The circuit is gone."));
        using var working = Subscriptions.Subscribe(planId, m => Record(received, m));

        await Publisher.PublishAsync(Change(planId, "despite the failure"), CancellationToken.None);

        Assert.Single(received);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_and_sent_to_no_one()
    {
        var planId = Guid.NewGuid();
        var received = new List<PlanChangeMessage>();
        using var subscription = Subscriptions.Subscribe(planId, m => Record(received, m));
        var whole = Change(planId, new string('x', PlanChangeMessage.MaxBytes));

        await Assert.ThrowsAsync<ArgumentException>(() => Publisher.PublishAsync(whole, CancellationToken.None));

        Assert.Empty(received);
    }

    [Fact]
    public async Task Many_circuits_subscribing_and_unsubscribing_at_once_each_get_exactly_their_changes()
    {
        var planId = Guid.NewGuid();
        var counts = new int[200];

        await Parallel.ForAsync(0, counts.Length, async (i, ct) =>
        {
            using var subscription = Subscriptions.Subscribe(planId, _ =>
            {
                Interlocked.Increment(ref counts[i]);
                return Task.CompletedTask;
            });
            await Publisher.PublishAsync(Change(planId, $"from {i}"), ct);
        });

        Assert.All(counts, count => Assert.True(count >= 1, "A circuit missed the change published while it was subscribed."));
        Assert.Equal(0, Subscriptions.CountFor(planId));
    }

    [Fact]
    public async Task A_circuit_on_the_plan_is_shown_to_the_hub_clients_until_it_leaves()
    {
        var planId = await NoahsPlanIdAsync();
        var presence = factory.Services.GetRequiredService<PlanPresence>();
        await using var karin = await RawHubClient.ConnectAsync(factory, Karin);
        await karin.InvokeAsync("JoinPlan", planId);

        var entered = karin.NextAsync("PresenceChanged", s => Names(s).Contains("Lina Berg"));
        var circuit = presence.Enter(planId, new PresenceEntry("circuit-user", "Lina Berg", "Flen kommun elevhälsa", "Flen kommun"));
        Assert.Equal(["Karin Ek", "Lina Berg"], Names(await entered));
        Assert.NotNull(presence.Of(circuit.Key, planId));

        var left = karin.NextAsync("PresenceChanged", s => !Names(s).Contains("Lina Berg"));
        circuit.Dispose();
        Assert.Equal(["Karin Ek"], Names(await left));
        Assert.Null(presence.Of(circuit.Key, planId));
    }

    private async Task<Guid> NoahsPlanIdAsync()
    {
        await using var context = await ContextAsync(factory);
        return await context.Plans
            .Where(p => context.Children.Any(c => c.Id == p.ChildId && c.GivenName == "Noah" && c.FamilyName == "Sjöberg"))
            .Select(p => p.Id).SingleAsync();
    }

    private static PlanChangeMessage Change(Guid planId, string note) =>
        new(planId, "Action", Guid.NewGuid(), PlanChangeMessage.Saved, Guid.NewGuid(), "user-1", "Karin Ek", DateTimeOffset.UtcNow,
            new Dictionary<string, object?> { ["evidence"] = note });

    private static string? Note(JsonElement message) => message.GetProperty("payload").GetProperty("evidence").GetString();

    private static List<string?> Names(JsonElement snapshot) => [.. snapshot.GetProperty("present").EnumerateArray().Select(p => p.GetProperty("displayName").GetString())];

    private static Task Record(List<PlanChangeMessage> into, PlanChangeMessage message)
    {
        lock (into)
        {
            into.Add(message);
        }

        return Task.CompletedTask;
    }
}
