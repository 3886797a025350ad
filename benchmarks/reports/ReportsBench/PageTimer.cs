using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ReportsBench;

/// <summary>
/// Signs in as a process leader and requests each page many times, one request at a time, over loopback. A page's
/// first response is its server-side (prerendered) render, which runs the page's queries: the time from request to the
/// last byte is the server time plus loopback. Prints p50/p95/p99/max per page after a warm-up.
/// </summary>
internal static partial class PageTimer
{
    public static async Task<int> RunAsync(Uri baseUrl, string email, string password, int iterations, IReadOnlyList<string> paths)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = TokenPattern().Match(login).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = password,
        });
        using var signedIn = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        if (signedIn.StatusCode != HttpStatusCode.Found)
        {
            Console.Error.WriteLine($"Sign-in failed: {(int)signedIn.StatusCode}");
            return 1;
        }

        Console.WriteLine($"| page | requests | p50 | p95 | p99 | max | bytes |");
        Console.WriteLine($"|---|---|---|---|---|---|---|");
        foreach (var path in paths)
        {
            var uri = new Uri(path, UriKind.Relative);
            long bytes = 0;
            for (var i = 0; i < Math.Min(5, iterations); i++)
            {
                bytes = (await Fetch(client, uri)).Length;
            }

            var times = new List<double>(iterations);
            for (var i = 0; i < iterations; i++)
            {
                var watch = Stopwatch.StartNew();
                bytes = (await Fetch(client, uri)).Length;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            string P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)].ToString("N0", CultureInfo.InvariantCulture) + " ms";
            Console.WriteLine($"| `{path}` | {iterations} | {P(0.50)} | {P(0.95)} | {P(0.99)} | {P(1.0)} | {bytes:N0} |");
        }

        return 0;
    }

    private static async Task<byte[]> Fetch(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{uri} answered {(int)response.StatusCode}");
        }

        return await response.Content.ReadAsByteArrayAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
