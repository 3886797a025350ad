using Microsoft.Extensions.DependencyInjection;
using TabbPortal.Domain.Consent;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Administration;
using TabbPortal.Web.Consent;

namespace TabbPortal.Tests.Integration.Consent;

internal static class ConsentTestExtensions
{
    /// <summary>Runs <paramref name="action"/> on <see cref="ConsentService"/> as <paramref name="email"/>, in a scope ("circuit") of its own.</summary>
    public static async Task<T> ConsentAsAsync<T>(this PortalFactory factory, string email, Func<ConsentService, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (scope, _) = await SignedInScope.StartAsync(factory, email);
        await using (scope)
        {
            return await action(scope.ServiceProvider.GetRequiredService<ConsentService>());
        }
    }

    /// <summary>
    /// Records, as <paramref name="email"/>, the consent of everyone whose consent the child needs (each guardian with custody, or
    /// else the child), letting <paramref name="agencies"/> share, valid from today for a year. Returns the entries' ids.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> GiveConsentAsync(this PortalFactory factory, string email, Guid childId,
        Agencies agencies = Agencies.All, DateOnly? from = null, DateOnly? to = null)
    {
        var ledger = await factory.ConsentAsAsync(email, s => s.GetLedgerAsync(childId));
        var today = DateOnly.FromDateTime(DateTime.Now);
        var ids = new List<Guid>();
        foreach (var giver in ledger.Givers.Where(g => g.Needed))
        {
            var result = await factory.ConsentAsAsync(email, s => s.RecordAsync(childId, new ConsentInput
            {
                Giver = giver.Giver, GuardianId = giver.GuardianId, SharedWith = agencies, Categories = agencies, Form = ConsentForm.Written,
                Purpose = "Samverkan kring barnets plan.", ValidFrom = from ?? today, ValidTo = to ?? today.AddYears(1),
            }));
            result.AssertSaved();
            ids.Add(result.Id!.Value);
        }

        return ids;
    }
}
