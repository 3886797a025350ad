using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace TabbPortal.Tests.Integration;

/// <summary>
/// A user agent over HTTP: keeps cookies, does not follow redirects, and fills in the portal's static SSR forms the way
/// a browser would (the antiforgery token and the form's handler name are read from the served HTML).
/// </summary>
internal sealed class PortalBrowser : IDisposable
{
    public const string AuthCookieName = "TabbPortal.Auth";
    public const string LoginPath = "/Account/Login";
    public const string AccessDeniedPath = "/Account/AccessDenied";

    private static readonly Uri BaseUri = new("http://localhost/");

    public PortalBrowser(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Client = factory.CreatePortalClient();
    }

    public HttpClient Client { get; }

    public async Task<PortalResponse> GetAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        return await PortalResponse.ReadAsync(response);
    }

    /// <summary>GETs the login page (with the given query) and posts its login form with these values.</summary>
    public async Task<PortalResponse> SubmitLoginAsync(string email, string password, string loginUrl = LoginPath)
    {
        var page = await GetAsync(loginUrl);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Forms.SingleOrDefault(f => f.Fields.TryGetValue("_handler", out var handler) && handler == "login");
        Assert.True(form is not null, "The login page has no form with _handler=login:\n" + page.Html);
        Assert.Contains("__RequestVerificationToken", form.Fields.Keys);
        Assert.Contains("Input.Email", form.Fields.Keys);
        Assert.Contains("Input.Password", form.Fields.Keys);

        var fields = new Dictionary<string, string>(form.Fields, StringComparer.Ordinal)
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        return await PostFormAsync(form.Action ?? loginUrl, fields);
    }

    /// <summary>Logs in and checks that it worked: a redirect and the authentication cookie. Returns the redirect.</summary>
    public async Task<PortalResponse> LogInAsync(string email, string password = PortalFactory.DemoPassword, string loginUrl = LoginPath)
    {
        var response = await SubmitLoginAsync(email, password, loginUrl);
        Assert.True(
            response.Status == HttpStatusCode.Found && response.SetsAuthCookie,
            $"Logging in as {email} gave {(int)response.Status} {response.Location} without a redirect and an auth cookie:\n{response.Text}");
        return response;
    }

    /// <summary>Posts the sign-out form of a page the user is on, with the antiforgery token the page carries.</summary>
    public async Task<PortalResponse> LogOutFromAsync(string pageUrl)
    {
        var page = await GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Forms.SingleOrDefault(f => f.Action is { } action && action.EndsWith("Account/Logout", StringComparison.OrdinalIgnoreCase));
        Assert.True(form is not null, $"{pageUrl} has no sign-out form:\n{page.Html}");
        Assert.Contains("__RequestVerificationToken", form.Fields.Keys);
        return await PostFormAsync(form.Action!, form.Fields);
    }

    public async Task<PortalResponse> PostFormAsync(string action, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await Client.PostAsync(new Uri(BaseUri, action), content);
        return await PortalResponse.ReadAsync(response);
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>A response read to the end: status, where it redirects to, the HTML and the cookies it sets.</summary>
internal sealed partial class PortalResponse
{
    private static readonly Uri BaseUri = new("http://localhost/");

    private PortalResponse(HttpStatusCode status, Uri? location, string html, IReadOnlyList<string> setCookies)
    {
        Status = status;
        Location = location;
        Html = html;
        SetCookies = setCookies;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The redirect target, made absolute against http://localhost/.</summary>
    public Uri? Location { get; }

    public string Html { get; }

    /// <summary>The HTML with entities decoded (Blazor encodes å, ä and ö), for looking for visible text.</summary>
    public string Text => WebUtility.HtmlDecode(Html);

    public IReadOnlyList<string> SetCookies { get; }

    /// <summary>True if the response hands out a (non-empty) authentication cookie.</summary>
    public bool SetsAuthCookie => SetCookies.Any(c =>
        c.StartsWith(PortalBrowser.AuthCookieName + "=", StringComparison.Ordinal)
        && !c.StartsWith(PortalBrowser.AuthCookieName + "=;", StringComparison.Ordinal));

    /// <summary>True if the response removes the authentication cookie (empty value, expiry in the past).</summary>
    public bool ClearsAuthCookie => SetCookies.Any(c =>
        c.StartsWith(PortalBrowser.AuthCookieName + "=;", StringComparison.Ordinal)
        && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    /// <summary>The value of the lang attribute of the html element.</summary>
    public string? HtmlLang => HtmlLangPattern().Match(Html) is { Success: true } m ? m.Groups["lang"].Value : null;

    public IReadOnlyList<HtmlForm> Forms => HtmlForm.Parse(Html);

    /// <summary>A query parameter of the redirect target; names compare case-insensitively.</summary>
    public string? LocationQuery(string name) =>
        Location is null ? null
        : QueryHelpers.ParseQuery(Location.Query).TryGetValue(name, out var value) ? value.ToString()
        : null;

    public override string ToString() => $"{(int)Status} {Location}";

    public static async Task<PortalResponse> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l : new Uri(BaseUri, l)) : null;
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return new PortalResponse(response.StatusCode, location, html, cookies);
    }

    [GeneratedRegex("""<html\b[^>]*\blang="(?<lang>[^"]*)" """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex HtmlLangPattern();
}

/// <summary>A form of a served page: where it posts and the names and values of its inputs.</summary>
internal sealed partial record HtmlForm(string? Action, IReadOnlyDictionary<string, string> Fields)
{
    public static IReadOnlyList<HtmlForm> Parse(string html) =>
        [.. FormPattern().Matches(html).Select(form =>
        {
            var attributes = Attributes(form.Groups["attrs"].Value);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in InputPattern().Matches(form.Groups["body"].Value))
            {
                var inputAttributes = Attributes(input.Groups["attrs"].Value);
                if (inputAttributes.TryGetValue("name", out var name))
                {
                    fields[name] = inputAttributes.TryGetValue("value", out var value) ? value : string.Empty;
                }
            }

            return new HtmlForm(attributes.TryGetValue("action", out var action) ? action : null, fields);
        })];

    private static Dictionary<string, string> Attributes(string text) =>
        AttributePattern().Matches(text)
            .GroupBy(m => m.Groups["name"].Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"<form\b(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<input\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InputPattern();

    [GeneratedRegex("""(?<name>[\w:.-]+)\s*=\s*"(?<value>[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AttributePattern();
}
