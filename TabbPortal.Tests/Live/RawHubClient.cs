using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using TabbPortal.Tests.Integration;

namespace TabbPortal.Tests.Live;

/// <summary>
/// A bare SignalR client (JSON protocol over a WebSocket) for the in-memory test server, where the Node client cannot
/// reach and the .NET client package is not available. Just enough to invoke hub methods and see what the hub sends;
/// the Node tests cover the official client.
/// </summary>
internal sealed class RawHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    private readonly WebSocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly List<(string Target, JsonElement Argument)> _received = [];
    private readonly List<(string Target, Func<JsonElement, bool> Matches, TaskCompletionSource<JsonElement> Done)> _waiting = [];
    private readonly Task _receiving;
    private int _nextId;

    private RawHubClient(WebSocket socket, IEnumerable<string> earlyRecords)
    {
        _socket = socket;
        foreach (var record in earlyRecords)
        {
            Dispatch(JsonDocument.Parse(record).RootElement.Clone());
        }

        _receiving = ReceiveAsync();
    }

    /// <summary>Signs in as <paramref name="email"/> through the login form and connects to the plan hub with the cookie.</summary>
    public static async Task<RawHubClient> ConnectAsync(PortalFactory factory, string email)
    {
        ArgumentNullException.ThrowIfNull(factory);
        string cookie;
        using (var browser = new PortalBrowser(factory))
        {
            var login = await browser.LogInAsync(email);
            cookie = login.SetCookies.Select(c => c.Split(';')[0]).Single(c => c.StartsWith(PortalBrowser.AuthCookieName + "=", StringComparison.Ordinal));
        }

        var client = factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Cookie = cookie;
        var socket = await client.ConnectAsync(new Uri("ws://localhost/hubs/plans"), CancellationToken.None);
        await SendAsync(socket, """{"protocol":"json","version":1}""");
        var records = await ReadRecordsAsync(socket, CancellationToken.None) ?? [];
        Assert.True(records.Count > 0 && records[0] == "{}", "The hub refused the handshake: " + string.Join(" ", records));
        return new RawHubClient(socket, records.Skip(1));
    }

    /// <summary>Invokes a hub method and returns its result; a hub error becomes <see cref="HubError"/>.</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending[id] = done;
        }

        await SendAsync(_socket, JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }));
        var completion = await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        if (completion.TryGetProperty("error", out var error))
        {
            throw new HubError(error.GetString()!);
        }

        return completion.TryGetProperty("result", out var result) ? result : default;
    }

    /// <summary>The next message of <paramref name="target"/> that matches. Call before the action that causes it; await after.</summary>
    public Task<JsonElement> NextAsync(string target, Func<JsonElement, bool> matches)
    {
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Add((target, matches, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Every message of <paramref name="target"/> received so far (the first argument of each).</summary>
    public IReadOnlyList<JsonElement> ReceivedOf(string target)
    {
        lock (_gate)
        {
            return [.. _received.Where(r => r.Target == target).Select(r => r.Argument)];
        }
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var records = await ReadRecordsAsync(_socket, _stop.Token);
                if (records is null)
                {
                    return;
                }

                foreach (var record in records)
                {
                    Dispatch(JsonDocument.Parse(record).RootElement.Clone());
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        catch (WebSocketException)
        {
            // The server closed the connection.
        }
    }

    private void Dispatch(JsonElement message)
    {
        var type = message.GetProperty("type").GetInt32();
        lock (_gate)
        {
            if (type == 3 && _pending.Remove(message.GetProperty("invocationId").GetString()!, out var done))
            {
                done.SetResult(message);
            }
            else if (type == 1)
            {
                var target = message.GetProperty("target").GetString()!;
                var argument = message.GetProperty("arguments")[0];
                _received.Add((target, argument));
                foreach (var waiter in _waiting.Where(w => w.Target == target && w.Matches(argument)).ToList())
                {
                    _waiting.Remove(waiter);
                    waiter.Done.SetResult(argument);
                }
            }
        }
    }

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    // The server may put several messages, each ending with the record separator, into one WebSocket message.
    private static async Task<IReadOnlyList<string>?> ReadRecordsAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(text.ToArray()).Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        try
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            await _stop.CancelAsync();
            await _receiving;
        }

        _socket.Dispose();
        _stop.Dispose();
    }
}

internal sealed class HubError(string message) : Exception(message);
