using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.Silo.Hosting;
using Orleans.TestingHost;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// One in-process silo (memory storage "poker", in-memory reminders, a <see cref="FakeTimeProvider"/> as the silo's
/// clock, the grains' rules bound from configuration by the silo's own binding), a fake Bot API on loopback, and the bot host on a test server reaching the cluster through its client.
/// Tests share it, so each uses its own players (<see cref="NewUserId"/>), update ids and tables.
/// </summary>
public sealed class BotFixture : IAsyncLifetime
{
    public const string Secret = "test-webhook-secret";
    public const long AdminId = 7_000_000_001;

    /// <summary>Play-money rules the silo reads from configuration (none is the default, so the binding shows).</summary>
    public const long StartingBalance = 12_000;

    public const long ReferrerBonus = 1_200;

    public const long NewPlayerBonus = 600;

    /// <summary>The silo's configuration: what <c>POKER__Players__*</c> and <c>POKER__Referral__*</c> variables give.</summary>
    public static readonly IReadOnlyDictionary<string, string?> SiloSettings = new Dictionary<string, string?>
    {
        ["POKER:Players:StartingBalance"] = StartingBalance.ToString(CultureInfo.InvariantCulture),
        ["POKER:Referral:ReferrerBonus"] = ReferrerBonus.ToString(CultureInfo.InvariantCulture),
        ["POKER:Referral:NewPlayerBonus"] = NewPlayerBonus.ToString(CultureInfo.InvariantCulture),
    };

    private static long nextUserId = 7_100_000_000;
    private static int nextUpdateId = 5_000;
    private static int nextMessageId = 1;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public FakeBotApi Api { get; private set; } = null!;

    /// <summary>What the bot hosts started by <see cref="StartBot(PokerOptions)"/> log.</summary>
    public LogCapture Logs { get; } = new();

    public WebApplication Bot { get; private set; } = null!;

    public HttpClient Webhook { get; private set; } = null!;

    /// <summary>The bot's per-chat queues (wait for a chat to be idle).</summary>
    internal ChatQueues Queues => Bot.Services.GetRequiredService<ChatQueues>();

    internal Sending.Outbox Outbox => Bot.Services.GetRequiredService<Sending.Outbox>();

    /// <summary>Template of the tables the tests create (heads-up friendly hold'em 1/2, 20 s turns).</summary>
    public string TemplateId { get; } = $"bot-nlhe-{Guid.NewGuid():N}";

    /// <summary>Template of draw tables (no-limit 2-7 single draw 1/2, 20 s turns).</summary>
    public string DrawTemplateId { get; } = $"bot-draw-{Guid.NewGuid():N}";

    public PokerOptions Options { get; private set; } = null!;

    public static long NewUserId() => Interlocked.Increment(ref nextUserId);

    public static int NewUpdateId() => Interlocked.Increment(ref nextUpdateId);

    public async Task InitializeAsync()
    {
        Cluster = TestSilo.Build(Time, builder => builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(SiloSettings);
            host.Services.AddPokerGrainOptions(host.Configuration);
        }));
        await Cluster.DeployAsync();
        await CreateTemplate(TemplateId, "Bot NLHE", "NT");
        await CreateTemplate(DrawTemplateId, "Bot 2-7 single draw", "N2L1D");

        Api = await FakeBotApi.Start();
        Options = new PokerOptions
        {
            Bot = new BotSettings
            {
                Token = "123456:TEST-token",
                WebhookUrl = "https://bot.example/telegram/webhook",
                WebhookSecret = Secret,
                ApiBaseUrl = Api.BaseUrl,
                MiniAppUrl = "https://app.example/",
                AdminTelegramIds = AdminId.ToString(CultureInfo.InvariantCulture),
                GroupTemplateId = TemplateId,
            },
        };
        Bot = await StartBot(Options);
        Webhook = Bot.GetTestServer().CreateClient();
        await Api.WaitFor(r => r.Method == "setWebhook");
    }

    /// <summary>A heads-up friendly template: blinds 1/2, buy-in 40–200, 2–6 players, 20 s turns, 2 s between hands.</summary>
    private Task CreateTemplate(string templateId, string name, string variant) =>
        Grains.GetGrain<ITemplateGrain>(templateId).Create(TestTemplates.Holdem(name, TimeSpan.FromSeconds(2), variant));

    /// <summary>Two new players who join <paramref name="table"/> with the bot's join button (in <paramref name="chatId"/>, default their private chats).</summary>
    public async Task<(long A, long B)> JoinTwo(ITableGrain table, long? chatId = null)
    {
        var (a, b) = (NewUserId(), NewUserId());
        await Press(a, $"j:{table.GetPrimaryKeyString()}", chatId);
        await Press(b, $"j:{table.GetPrimaryKeyString()}", chatId);
        return (a, b);
    }

    /// <summary>A bot host on a test server that reaches the cluster through the cluster's client, logging to <see cref="Logs"/> too.</summary>
    public Task<WebApplication> StartBot(PokerOptions options) => StartBot(options, host =>
    {
        host.Services.AddSingleton(Cluster.Client);
        host.Services.AddSingleton<IGrainFactory>(Cluster.Client);
        host.Logging.AddProvider(Logs);
    });

    /// <summary>
    /// A bot host with its own cluster client, composed as the standalone bot process is: localhost clustering on
    /// <paramref name="gatewayPort"/> (a silo's gateway, or a proxy in front of it) with the ids of <paramref name="cluster"/>.
    /// </summary>
    public static Task<WebApplication> StartStandaloneBot(PokerOptions options, ClusterSettings cluster, int gatewayPort, Action<WebApplicationBuilder>? configure = null)
    {
        options.Cluster = new ClusterSettings { GatewayPort = gatewayPort, ServiceId = cluster.ServiceId, ClusterId = cluster.ClusterId };
        return StartBot(options, host =>
        {
            host.AddPokerClusterClient(options);
            configure?.Invoke(host);
        });
    }

    /// <summary>A bot host on a test server; <paramref name="connect"/> gives it its cluster (a client, say).</summary>
    public static async Task<WebApplication> StartBot(PokerOptions options, Action<WebApplicationBuilder> connect)
    {
        var host = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        host.WebHost.UseTestServer();
        connect(host);
        host.AddPokerBot(options);
        var app = host.Build();
        app.MapPokerBot();
        await app.StartAsync();
        return app;
    }

    /// <summary>Options of another bot (its own token, so its own update ids and groups) on <paramref name="api"/>.</summary>
    public PokerOptions OtherBot(string token, FakeBotApi api, TimeSpan? resubscribeInterval = null) => new()
    {
        Bot = new BotSettings
        {
            Token = token,
            WebhookUrl = Options.Bot.WebhookUrl,
            WebhookSecret = Secret,
            ApiBaseUrl = api.BaseUrl,
            GroupTemplateId = TemplateId,
            ResubscribeInterval = resubscribeInterval ?? Options.Bot.ResubscribeInterval,
        },
    };

    /// <summary>Stops and disposes a bot host started by a test.</summary>
    public static async Task Stop(WebApplication host)
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.StopAsync();
            await Bot.DisposeAsync();
        }

        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }

    public async Task<ITableGrain> NewTable(string? name = null, string? templateId = null)
    {
        var table = Grains.GetGrain<ITableGrain>($"tb{Guid.NewGuid():N}"[..16]);
        await table.Create(new TableCreation(templateId ?? TemplateId, 1, name ?? "Table " + Guid.NewGuid().ToString("N")[..6]));
        return table;
    }

    /// <summary>The bot's membership of <paramref name="chatId"/> changed from <paramref name="oldStatus"/> to <paramref name="newStatus"/> (by <paramref name="userId"/>).</summary>
    public static JsonObject Membership(long userId, long chatId, string oldStatus, string newStatus) => new()
    {
        ["update_id"] = NewUpdateId(),
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = Chat(chatId),
            ["from"] = User(userId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["old_chat_member"] = new JsonObject { ["status"] = oldStatus, ["user"] = BotUser() },
            ["new_chat_member"] = new JsonObject { ["status"] = newStatus, ["user"] = BotUser() },
        },
    };

    private static JsonObject BotUser() => new() { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "Poker", ["username"] = "test_poker_bot" };

    /// <summary>Posts a raw update to the webhook (or <paramref name="webhook"/>'s) with the given secret header (null: none).</summary>
    public async Task<HttpResponseMessage> Post(JsonObject update, string? secret = Secret, HttpClient? webhook = null)
    {
        // A user who writes or presses a button in their private chat has opened it: the fake lets the bot write there.
        var from = (update["message"] ?? update["callback_query"])?["from"]?["id"]?.GetValue<long>();
        var chat = (update["message"]?["chat"] ?? update["callback_query"]?["message"]?["chat"])?["id"]?.GetValue<long>();
        if (from is { } user && (chat ?? user) == user)
        {
            Api.Opened(user);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, BotHosting.WebhookPath)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null)
        {
            request.Headers.Add(WebhookSecret.Header, secret);
        }

        return await (webhook ?? Webhook).SendAsync(request);
    }

    public static JsonObject User(long userId, string language = "en") => new()
    {
        ["id"] = userId,
        ["is_bot"] = false,
        ["first_name"] = "User" + (userId % 10_000).ToString(CultureInfo.InvariantCulture),
        ["language_code"] = language,
    };

    /// <summary>A chat: positive ids are private chats, ids from -10¹² down supergroups (as Telegram's -100…), others groups.</summary>
    public static JsonObject Chat(long chatId) => chatId switch
    {
        > 0 => new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "U" },
        <= -1_000_000_000_000 => new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Poker group" },
        _ => new JsonObject { ["id"] = chatId, ["type"] = "group", ["title"] = "Poker group" },
    };

    /// <summary>
    /// The two service messages of group <paramref name="fromChatId"/> becoming supergroup <paramref name="toChatId"/>
    /// (by <paramref name="userId"/>): the old chat's <c>migrate_to_chat_id</c> and the new one's <c>migrate_from_chat_id</c>.
    /// </summary>
    public static (JsonObject InOldChat, JsonObject InNewChat) Migration(long userId, long fromChatId, long toChatId) =>
        (Service(userId, fromChatId, "migrate_to_chat_id", toChatId), Service(userId, toChatId, "migrate_from_chat_id", fromChatId));

    private static JsonObject Service(long userId, long chatId, string field, long value) => new()
    {
        ["update_id"] = NewUpdateId(),
        ["message"] = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref nextMessageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = Chat(chatId),
            ["from"] = User(userId),
            [field] = value,
        },
    };

    /// <summary>A text message update from <paramref name="userId"/> in <paramref name="chatId"/> (default: their private chat).</summary>
    public static JsonObject Message(long userId, string text, long? chatId = null, string language = "en", int? updateId = null) => new()
    {
        ["update_id"] = updateId ?? NewUpdateId(),
        ["message"] = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref nextMessageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = Chat(chatId ?? userId),
            ["from"] = User(userId, language),
            ["text"] = text,
        },
    };

    /// <summary>A button press by <paramref name="userId"/> on a message the bot sent to <paramref name="chatId"/>.</summary>
    public static JsonObject Callback(long userId, string data, long? chatId = null, int messageId = 1, string language = "en") => new()
    {
        ["update_id"] = NewUpdateId(),
        ["callback_query"] = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["from"] = User(userId, language),
            ["chat_instance"] = "1",
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = Chat(chatId ?? userId),
                ["text"] = "…",
            },
        },
    };

    /// <summary>Sends a text and waits for the bot's reply to that chat.</summary>
    public async Task<BotApiRequest> Say(long userId, string text, long? chatId = null, string language = "en")
    {
        // What the chat still had queued goes out first: the reply is the next message after that.
        var chat = chatId ?? userId;
        await Outbox.Idle(chat);
        var after = Api.LastIndex;
        var response = await Post(Message(userId, text, chatId, language));
        response.EnsureSuccessStatusCode();
        return await Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == chat, after);
    }

    /// <summary>Presses a button and waits for the callback query to be answered and the chat's replies to go out.</summary>
    public async Task<BotApiRequest> Press(long userId, string data, long? chatId = null, int messageId = 1)
    {
        var after = Api.LastIndex;
        var update = Callback(userId, data, chatId, messageId);
        var queryId = update["callback_query"]!["id"]!.GetValue<string>();
        (await Post(update)).EnsureSuccessStatusCode();
        var answer = await Api.WaitFor(r => r.Method == "answerCallbackQuery" && r.Json["callback_query_id"]?.GetValue<string>() == queryId, after);
        await Outbox.Idle(chatId ?? userId);
        return answer;
    }

    /// <summary>
    /// Opens the lobby as <paramref name="userId"/> and pages on ("l:N" buttons) to the page that lists
    /// <paramref name="tableName"/>; returns the first page and that page (the last one when it is nowhere).
    /// </summary>
    public async Task<(BotApiRequest First, BotApiRequest Page)> FindInLobby(long userId, string tableName)
    {
        var first = await Say(userId, "/lobby");
        var page = first;
        for (var next = 1; !page.Text.Contains(tableName, StringComparison.Ordinal) && page.CallbackData.Contains($"l:{next}"); next++)
        {
            var after = Api.LastIndex;
            await Press(userId, $"l:{next}");
            page = await Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == userId, after);
        }

        return (first, page);
    }

    /// <summary>Lets the pause between hands pass until the table deals a hand with someone to act.</summary>
    public Task<TableSnapshot> StartNextHand(ITableGrain table) => TestHands.StartNext(table, Time);
}
