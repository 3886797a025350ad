namespace TabbPortal.Web.Live;

/// <summary>
/// Tells everyone who has a plan open about a saved change. The in-process implementation reaches this server's
/// hub clients and Blazor circuits; a cross-server feed would replace only this.
/// </summary>
public interface IPlanChangePublisher
{
    /// <summary>Publishes <paramref name="message"/> after its change was saved. Refuses a message over <see cref="PlanChangeMessage.MaxBytes"/>.</summary>
    Task PublishAsync(PlanChangeMessage message, CancellationToken ct);
}
