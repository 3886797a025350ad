using System.Net;
using static TabbPortal.Tests.Integration.Children.DemoLookup;

namespace TabbPortal.Tests.Integration.Security;

/// <summary>The hubs refuse pages of other origins; the portal's own pages and clients outside a browser get through to the sign-in check.</summary>
public sealed class HubOriginTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/hubs/plans/negotiate?negotiateVersion=1")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task A_signed_in_users_browser_on_another_origin_is_refused_and_the_portals_own_origin_is_not(string path)
    {
        using var browser = new PortalBrowser(factory);
        await browser.LogInAsync(Karin);

        var foreign = await NegotiateAsync(browser, path, "https://elak.example");
        var ownPortOther = await NegotiateAsync(browser, path, $"http://{browser.Client.BaseAddress!.Host}:8081");
        var own = await NegotiateAsync(browser, path, $"{browser.Client.BaseAddress!.Scheme}://{browser.Client.BaseAddress.Authority}");
        var noOrigin = await NegotiateAsync(browser, path, null);

        Assert.Equal(HttpStatusCode.Forbidden, foreign);
        Assert.Equal(HttpStatusCode.Forbidden, ownPortOther);
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal(HttpStatusCode.OK, noOrigin);
    }

    [Fact]
    public async Task An_anonymous_visitor_may_open_a_circuit_for_the_questionnaire_but_not_the_plan_hub()
    {
        using var browser = new PortalBrowser(factory);

        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(browser, "/_blazor/negotiate?negotiateVersion=1", null));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(browser, "/hubs/plans/negotiate?negotiateVersion=1", null));
    }

    private static async Task<HttpStatusCode> NegotiateAsync(PortalBrowser browser, string path, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await browser.Client.SendAsync(request);
        return response.StatusCode;
    }
}
