using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// A fake Telegram Bot API on loopback: records every request (<c>/bot&lt;token&gt;/&lt;method&gt;</c>) and answers
/// <c>{"ok":true,"result":...}</c> with plausible results, pushing back as Telegram does: a private chat the user never
/// opened answers 403 (<see cref="Opened"/>), more than a short burst into one chat (<see cref="ChatBurst"/>, then one a
/// second; groups one per three seconds) or more than thirty a second overall answers 429 with <c>retry_after</c>, and
/// an edit that changes nothing answers 400 "message is not modified", a text over 4,096 characters 400 "message is too long". <see cref="FailNext"/> makes the next call of a
/// method fail (429, 403, ...), <see cref="FailChat"/> every call to a chat, <see cref="ThrottleChat"/> throttles a chat
/// for a while; <see cref="AcceptOnly"/> makes it Telegram after a token was revoked: any other token gets 401. Tests
/// wait on <see cref="WaitFor"/> instead of sleeping.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private readonly List<BotApiRequest> requests = [];
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, int? RetryAfter)>> failures = new();
    private readonly ConcurrentDictionary<long, (int Status, int? RetryAfter)> chatFailures = new();
    private readonly ConcurrentDictionary<long, DateTimeOffset> throttledUntil = new();
    private readonly ConcurrentDictionary<long, byte> opened = new();
    private readonly ConcurrentDictionary<long, long> migrated = new();
    private readonly Dictionary<long, (double Tokens, DateTimeOffset At)> chatBuckets = [];
    private (double Tokens, DateTimeOffset At) overallBucket = (30, DateTimeOffset.UtcNow);
    private readonly Dictionary<(long Chat, int Message), string> shown = [];

    /// <summary>Messages somebody deleted in their chat: editing one is refused as Telegram refuses it.</summary>
    private readonly ConcurrentDictionary<(long Chat, int Message), byte> deleted = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<JsonObject> pendingUpdates = new();
    private WebApplication app = null!;
    private int nextMessageId = 1000;
    private volatile IReadOnlySet<string>? acceptedTokens;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Messages a chat may get at once before Telegram's pace applies (Telegram's own figure is not published).</summary>
    public int ChatBurst { get; set; } = 5;

    public static async Task<FakeBotApi> Start()
    {
        var fake = new FakeBotApi();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        fake.app = builder.Build();
        fake.app.MapPost("/bot{token}/{method}", fake.Handle);
        await fake.app.StartAsync();
        fake.BaseUrl = fake.app.Urls.First();
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> answers <paramref name="status"/> (429: with retry_after).</summary>
    public void FailNext(string method, int status, int? retryAfter = null) =>
        failures.GetOrAdd(method, _ => new ConcurrentQueue<(int, int?)>()).Enqueue((status, retryAfter));

    /// <summary>From now on only these bot tokens are valid (BotFather revoked the others): any other gets 401.</summary>
    public void AcceptOnly(params string[] tokens) => acceptedTokens = tokens.ToHashSet(StringComparer.Ordinal);

    /// <summary>The next call of <paramref name="method"/> loses its connection (a network error).</summary>
    public void DropNext(string method) => FailNext(method, 0);

    /// <summary>An update the next <c>getUpdates</c> returns (long polling).</summary>
    public void QueueUpdate(JsonObject update) => pendingUpdates.Enqueue(update);

    /// <summary>Every call for <paramref name="chatId"/> answers <paramref name="status"/> (403: the user blocked the bot).</summary>
    public void FailChat(long chatId, int status) => chatFailures[chatId] = (status, null);

    /// <summary>
    /// The user opened their private chat with the bot (wrote to it, or pressed a button there): until then, as on
    /// Telegram, a bot may not write first and every call to that chat answers 403.
    /// </summary>
    public void Opened(long userId) => opened[userId] = 0;

    /// <summary>
    /// Group <paramref name="fromChatId"/> became supergroup <paramref name="toChatId"/>: as with Telegram, every call
    /// for the old id answers 400 with <c>migrate_to_chat_id</c>.
    /// </summary>
    public void Migrate(long fromChatId, long toChatId) => migrated[fromChatId] = toChatId;

    /// <summary>Calls for <paramref name="chatId"/> are answered normally again (the user unblocked the bot).</summary>
    public void ClearChat(long chatId)
    {
        chatFailures.TryRemove(chatId, out _);
        throttledUntil.TryRemove(chatId, out _);
    }

    /// <summary>Every call for <paramref name="chatId"/> during <paramref name="duration"/> answers 429 with the seconds left as retry_after.</summary>
    public void ThrottleChat(long chatId, TimeSpan duration) => throttledUntil[chatId] = DateTimeOffset.UtcNow + duration;

    /// <summary>Somebody (a group's admin, the player in their chat) deleted the message: editing it answers 400 "message to edit not found".</summary>
    public void Delete(long chatId, int messageId) => deleted[(chatId, messageId)] = 0;

    public IReadOnlyList<BotApiRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return requests.ToList();
            }
        }
    }

    public IReadOnlyList<BotApiRequest> To(long chatId) => Requests.Where(r => r.ChatId == chatId).ToList();

    /// <summary>Waits until a request after index <paramref name="after"/> matches; fails after <paramref name="timeout"/>.</summary>
    public async Task<BotApiRequest> WaitFor(Func<BotApiRequest, bool> match, int after = -1, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task signal;
            lock (gate)
            {
                signal = changed.Task;
                if (requests.FirstOrDefault(r => r.Index > after && match(r)) is { } found)
                {
                    return found;
                }
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                var seen = string.Join("\n", Requests.TakeLast(15).Select(r => $"{r.Index} {r.Method} {r.ChatId}: {r.Text}"));
                throw new Xunit.Sdk.XunitException($"No matching Bot API request. Last ones:\n{seen}");
            }

            await Task.WhenAny(signal, Task.Delay(left));
        }
    }

    public int LastIndex
    {
        get
        {
            lock (gate)
            {
                return requests.Count - 1;
            }
        }
    }

    private async Task<IResult> Handle(string token, string method, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var json = body.Length > 0 && JsonNode.Parse(body) is JsonObject parsed ? parsed : [];
        var chat = json["chat_id"] is JsonValue c && c.TryGetValue<long>(out var chatId) ? chatId : (long?)null;

        (int Status, int? RetryAfter)? failure = null;
        long? movedTo = null;
        var notFound = false;
        var tooLong = false;
        if (acceptedTokens is { } accepted && !accepted.Contains(token))
        {
            failure = (401, null);
        }
        else if (failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var next))
        {
            failure = next;
        }
        else if (chat is { } id && chatFailures.TryGetValue(id, out var blocked))
        {
            failure = blocked;
        }
        else if (chat is > 0 and var user && !opened.ContainsKey(user))
        {
            failure = (403, null);
        }
        else if (chat is { } old && migrated.TryGetValue(old, out var supergroup))
        {
            failure = (400, null);
            movedTo = supergroup;
        }
        else if (chat is { } throttled && throttledUntil.TryGetValue(throttled, out var until) && until > DateTimeOffset.UtcNow)
        {
            failure = (429, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds));
        }
        else if (chat is { } paced && Flooded(paced) is { } wait)
        {
            failure = (429, wait);
        }
        else if (method == "editMessageText" && chat is { } gone && json["message_id"]?.GetValue<int>() is { } goneId && deleted.ContainsKey((gone, goneId)))
        {
            failure = (400, null);
            notFound = true;
        }
        else if (method is "sendMessage" or "editMessageText" && json["text"]?.GetValue<string>() is { Length: > 4096 })
        {
            failure = (400, null);
            tooLong = true;
        }
        else if (method == "editMessageText" && chat is { } edited && NotModified(edited, json))
        {
            failure = (400, null);
        }

        int? sent = method == "sendMessage" && failure is null ? Interlocked.Increment(ref nextMessageId) : null;
        lock (gate)
        {
            requests.Add(new BotApiRequest(requests.Count, method, body, json, DateTimeOffset.UtcNow, failure?.Status ?? 200, sent, token));
            var previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }

        if (failure is { Status: 0 })
        {
            http.Abort();
            return Results.Empty;
        }

        if (failure is { } f)
        {
            var description = f.Status switch
            {
                429 => $"Too Many Requests: retry after {f.RetryAfter}",
                401 => "Unauthorized",
                400 when movedTo is not null => "Bad Request: group chat was upgraded to a supergroup chat",
                400 when notFound => "Bad Request: message to edit not found",
                400 when tooLong => "Bad Request: message is too long",
                400 => "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
                _ when chat is > 0 and var user && !opened.ContainsKey(user) => "Forbidden: bot can't initiate conversation with a user",
                _ => "Forbidden: bot was blocked by the user",
            };
            var error = new JsonObject { ["ok"] = false, ["error_code"] = f.Status, ["description"] = description };
            if (f.RetryAfter is { } retry)
            {
                error["parameters"] = new JsonObject { ["retry_after"] = retry };
            }
            else if (movedTo is { } supergroupId)
            {
                error["parameters"] = new JsonObject { ["migrate_to_chat_id"] = supergroupId };
            }

            return Results.Content(error.ToJsonString(), "application/json", statusCode: f.Status);
        }

        if (method is "sendMessage" or "editMessageText" && chat is { } to)
        {
            lock (gate)
            {
                shown[(to, sent ?? json["message_id"]?.GetValue<int>() ?? 0)] = Content(json);
            }
        }

        JsonNode result = method switch
        {
            "getMe" => new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Poker", ["username"] = "test_poker_bot" },
            "getUpdates" => TakeUpdates(),
            "sendMessage" or "editMessageText" or "editMessageReplyMarkup" => new JsonObject
            {
                ["message_id"] = sent ?? json["message_id"]?.GetValue<int>() ?? 1,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = chat ?? 0, ["type"] = chat > 0 ? "private" : "group" },
                ["text"] = json["text"]?.GetValue<string>() ?? "",
            },
            _ => JsonValue.Create(true),
        };
        return Results.Content(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");
    }

    /// <summary>
    /// Telegram's flood limits as a token bucket per chat (<see cref="ChatBurst"/>, then one a second; groups one per
    /// three seconds) and one overall (thirty a second): the seconds to wait when a call exceeds them, else null.
    /// </summary>
    private int? Flooded(long chatId)
    {
        lock (gate)
        {
            var now = DateTimeOffset.UtcNow;
            var interval = chatId < 0 ? 3.0 : 1.0;
            var (tokens, at) = chatBuckets.GetValueOrDefault(chatId, (ChatBurst, now));
            tokens = Math.Min(ChatBurst, tokens + ((now - at).TotalSeconds / interval));
            var overall = Math.Min(30, overallBucket.Tokens + ((now - overallBucket.At).TotalSeconds * 30));
            if (tokens < 1 || overall < 1)
            {
                chatBuckets[chatId] = (tokens, now);
                overallBucket = (overall, now);
                return (int)Math.Ceiling(Math.Max((1 - tokens) * interval, (1 - overall) / 30));
            }

            chatBuckets[chatId] = (tokens - 1, now);
            overallBucket = (overall - 1, now);
            return null;
        }
    }

    private bool NotModified(long chatId, JsonObject json)
    {
        lock (gate)
        {
            return json["message_id"]?.GetValue<int>() is { } id && shown.TryGetValue((chatId, id), out var current) && current == Content(json);
        }
    }

    private static string Content(JsonObject json) => (json["text"]?.GetValue<string>() ?? "") + "\u0000" + (json["reply_markup"]?.ToJsonString() ?? "");

    private JsonArray TakeUpdates()
    {
        var updates = new JsonArray();
        while (pendingUpdates.TryDequeue(out var update))
        {
            updates.Add(update);
        }

        return updates;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
