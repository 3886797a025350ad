namespace TabbPortal.Tests.Browser;

/// <summary>
/// The plan hub from a signed-in page in Chromium, under the portal's Content-Security-Policy: <c>connect-src 'self'</c>
/// lets the page open a WebSocket to its own origin (with the authentication cookie) and to no other.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class PlanHubBrowserTests(BrowserFixture fixture)
{
    // Resolves with how the socket ended up: "open" (then closed again), "error", "blocked" (CSP) or an exception's name.
    private const string OpenSocket = """
        url => new Promise(resolve => {
            document.addEventListener('securitypolicyviolation', e => { if (e.violatedDirective.startsWith('connect-src')) resolve('blocked'); });
            try {
                const socket = new WebSocket(url);
                socket.onopen = () => { socket.close(); resolve('open'); };
                socket.onerror = () => setTimeout(() => resolve('error'), 200);
            } catch (e) {
                resolve(e.name);
            }
        })
        """;

    [Fact]
    public async Task A_signed_in_page_may_open_the_plan_hub_socket_on_its_own_origin_and_no_other()
    {
        var page = await fixture.NewPageAsync();
        await page.LogInWithKeyboardAsync("karin.ek@demo.example");
        var hub = new UriBuilder(fixture.Server.BaseAddress) { Scheme = "ws", Path = "hubs/plans" }.Uri.ToString();
        var elsewhere = new UriBuilder(fixture.Server.BaseAddress) { Scheme = "ws", Host = "localhost", Path = "hubs/plans" }.Uri.ToString();

        Assert.Equal("open", await page.EvaluateAsync<string>(OpenSocket, hub));
        Assert.Equal("blocked", await page.EvaluateAsync<string>(OpenSocket, elsewhere));
        await page.Context.CloseAsync();
    }
}
