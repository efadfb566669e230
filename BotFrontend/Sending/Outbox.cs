using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.ServiceDefaults.Configuration;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Orleans.Poker.BotFrontend.Sending;

/// <summary>
/// Every message to a chat goes out through here, within Telegram's flood limits, and nothing a player needs is
/// dropped:
/// <list type="bullet">
/// <item>each chat has its own queue, drained by its own loop: a throttled chat waits out its <c>retry_after</c> alone,
/// while the table's other chats go on;</item>
/// <item>sends are paced per chat (<see cref="BotSettings.ChatSendBurst"/> at once, then one per
/// <see cref="BotSettings.ChatSendInterval"/>, groups one per <see cref="BotSettings.GroupSendInterval"/>) and overall
/// (<see cref="BotSettings.MessagesPerSecond"/>);</item>
/// <item>a message is a <see cref="MessageSlot"/>: showing it again before the last content went out replaces that
/// content, so a burst of edits becomes one edit;</item>
/// <item>new messages (hole cards, "your turn", replies) go before edits of messages already sent (the table
/// message as the hand moves, buttons taken off an old prompt): under the pace the player first hears what is new;</item>
/// <item>429 and network errors are retried until the message goes (or the process stops); a 403 marks the chat
/// unreachable: its queue is dropped and nothing is sent to it until <see cref="Reachable"/> (the player wrote again).</item>
/// </list>
/// Callers never wait for Telegram: <see cref="Show"/> returns at once; <see cref="MessageSlot.Sent"/> completes when a
/// slot first went out.
/// </summary>
internal sealed class Outbox : IDisposable
{
    private static readonly TimeSpan MaxNetworkBackoff = TimeSpan.FromSeconds(30);

    private readonly BotApi api;
    private readonly BotMetrics metrics;
    private readonly BotSettings settings;
    private readonly TimeProvider time;
    private readonly ILogger<Outbox> logger;
    private readonly Pace overall;
    private readonly Lock gate = new();
    private readonly Dictionary<long, Lane> lanes = [];
    private readonly HashSet<long> unreachable = [];
    private readonly CancellationTokenSource stopping = new();
    private int pending;
    private long sweptAt;

    public Outbox(BotApi api, BotMetrics metrics, PokerOptions options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<Outbox> logger)
    {
        this.api = api;
        this.metrics = metrics;
        settings = options.Bot;
        this.time = time;
        this.logger = logger;
        overall = new Pace(Math.Max(1, settings.MessagesPerSecond), TimeSpan.FromSeconds(1.0 / Math.Max(1, settings.MessagesPerSecond)), time);
        metrics.ObserveOutbox(() => Volatile.Read(ref pending));
        lifetime.ApplicationStopping.Register(stopping.Cancel);
    }

    /// <summary>Sends a new message to <paramref name="chatId"/>; the slot edits it later.</summary>
    public MessageSlot Send(long chatId, string text, ReplyMarkup? markup = null)
    {
        var slot = new MessageSlot(chatId);
        Show(slot, text, markup);
        return slot;
    }

    /// <summary>Telegram's longest message text (UTF-16 characters): a longer one is refused (400 "message is too long").</summary>
    public const int MaxTextLength = 4096;

    /// <summary>
    /// <paramref name="text"/> as Telegram takes it: one longer than <see cref="MaxTextLength"/> is cut there, ending in
    /// "…" (a long list of tables, say, or of alerts).
    /// </summary>
    public static string Fit(string text) => Grains.Interfaces.Common.Text.Shorten(text, MaxTextLength);

    /// <summary>
    /// Makes <paramref name="slot"/> read <paramref name="text"/> with <paramref name="markup"/> (none: no buttons), cut
    /// to fit (<see cref="Fit"/>).
    /// </summary>
    public void Show(MessageSlot slot, string text, ReplyMarkup? markup = null)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(text);
        text = Fit(text);
        lock (gate)
        {
            if (unreachable.Contains(slot.ChatId))
            {
                metrics.OutboxSkipped();
                slot.Delivered.TrySetResult(slot.MessageId);
                return;
            }

            slot.Wanted = new MessageContent(text, markup);
            if (slot.Queued)
            {
                metrics.OutboxCoalesced();
                return;
            }

            slot.Queued = true;
            pending++;
            Sweep();
            if (!lanes.TryGetValue(slot.ChatId, out var lane))
            {
                lane = new Lane(slot.ChatId, ChatPace(slot.ChatId));
                lanes[slot.ChatId] = lane;
            }

            if (slot.MessageId is null)
            {
                lane.Sends.Enqueue(slot);
                lane.Wake.TrySetResult();
            }
            else
            {
                lane.Edits.Enqueue(slot);
            }

            if (!lane.Draining)
            {
                lane.Draining = true;
                lane.Idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _ = Task.Run(() => Drain(lane));
            }
        }
    }

    /// <summary>The chat answers again (its player wrote to the bot): messages flow to it again.</summary>
    public bool Reachable(long chatId)
    {
        lock (gate)
        {
            return unreachable.Remove(chatId);
        }
    }

    /// <summary>Whether <paramref name="chatId"/> answered 403 and has not written since (nothing is sent to it).</summary>
    public bool IsUnreachable(long chatId)
    {
        lock (gate)
        {
            return unreachable.Contains(chatId);
        }
    }

    /// <summary>Completes when everything queued so far for <paramref name="chatId"/> went out (or was dropped).</summary>
    public Task Idle(long chatId)
    {
        lock (gate)
        {
            return lanes.TryGetValue(chatId, out var lane) && lane.Draining ? lane.Idle.Task : Task.CompletedTask;
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private Pace ChatPace(long chatId) => new(
        Math.Max(1, settings.ChatSendBurst),
        chatId < 0 ? settings.GroupSendInterval : settings.ChatSendInterval,
        time);

    /// <summary>
    /// Forgets the chats that are idle with a full bucket (a lane keeps its pace while it could still matter), at
    /// most once a minute; under <see cref="gate"/>.
    /// </summary>
    private void Sweep()
    {
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(sweptAt, now) < TimeSpan.FromMinutes(1))
        {
            return;
        }

        sweptAt = now;
        foreach (var idle in lanes.Values.Where(l => !l.Draining && l.Pace.IsFull).Select(l => l.ChatId).ToList())
        {
            lanes.Remove(idle);
        }
    }

    private async Task Drain(Lane lane)
    {
        try
        {
            while (true)
            {
                // Wait for the pace before choosing what goes: a new message queued meanwhile goes before an edit. An
                // edit leaves the bucket's last token to what is new.
                Task wake;
                bool edit;
                lock (gate)
                {
                    if (lane.Sends.Count == 0 && lane.Edits.Count == 0)
                    {
                        lane.Draining = false;
                        lane.Idle.TrySetResult();
                        return;
                    }

                    edit = lane.Sends.Count == 0;
                    lane.Wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    wake = lane.Wake.Task;
                }

                if (lane.Pace.Until(edit ? Math.Min(2, Math.Max(1, settings.ChatSendBurst)) : 1) is { Ticks: > 0 } wait)
                {
                    await Task.WhenAny(Task.Delay(wait, time, stopping.Token), wake);
                    stopping.Token.ThrowIfCancellationRequested();
                    continue;
                }

                MessageSlot slot;
                lock (gate)
                {
                    slot = lane.Sends.TryDequeue(out var send) ? send : lane.Edits.Dequeue();
                    slot.Queued = false;
                    pending--;
                }

                await Deliver(lane, slot);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            lock (gate)
            {
                lane.Draining = false;
                lane.Idle.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Brings one slot up to date, retrying until Telegram takes it, refuses it or the chat turns out unreachable; a
    /// message somebody deleted is posted again if its slot says so (<see cref="MessageSlot.Repost"/>).
    /// </summary>
    private async Task Deliver(Lane lane, MessageSlot slot)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            MessageContent wanted;
            lock (gate)
            {
                if (slot.Wanted is null || slot.Wanted == slot.Shown || unreachable.Contains(lane.ChatId))
                {
                    return;
                }

                wanted = slot.Wanted;
            }

            await Task.Delay(lane.Pace.Until(1), time, stopping.Token);
            lane.Pace.Take();
            await Task.Delay(overall.Reserve(), time, stopping.Token);
            var answer = await api.Once(lane.ChatId, (client, ct) => Put(client, slot, wanted, ct), stopping.Token);
            switch (answer.Outcome)
            {
                case CallOutcome.Ok or CallOutcome.NotModified:
                    lock (gate)
                    {
                        slot.MessageId ??= answer.Value?.Id;
                        slot.Shown = wanted;
                    }

                    slot.Delivered.TrySetResult(slot.MessageId);
                    return; // shown again meanwhile? it is queued again, behind what was queued before it
                case CallOutcome.Throttled:
                    lane.Pace.Hold(answer.RetryAfter);
                    continue;
                case CallOutcome.Network:
                    await Task.Delay(backoff, time, stopping.Token);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxNetworkBackoff.Ticks));
                    continue;
                case CallOutcome.Deleted when slot.Repost:
                    // Somebody deleted the message (a group's admin): it is posted again, as it should read.
                    lock (gate)
                    {
                        slot.MessageId = null;
                    }

                    continue;
                case CallOutcome.Unreachable:
                    await Unreachable(lane);
                    slot.Delivered.TrySetResult(null);
                    return;
                default:
                    // Refused, or deleted and not to be posted again: the same call cannot succeed; BotApi logged it.
                    lock (gate)
                    {
                        slot.Shown = wanted;
                    }

                    slot.Delivered.TrySetResult(slot.MessageId);
                    return;
            }
        }
    }

    private static async Task<Message> Put(ITelegramBotClient client, MessageSlot slot, MessageContent wanted, CancellationToken ct) =>
        slot.MessageId is { } id
            ? await client.EditMessageText(slot.ChatId, id, wanted.Text, replyMarkup: wanted.Markup as InlineKeyboardMarkup, cancellationToken: ct)
            : await client.SendMessage(slot.ChatId, wanted.Text, replyMarkup: wanted.Markup, cancellationToken: ct);

    private async Task Unreachable(Lane lane)
    {
        int dropped;
        lock (gate)
        {
            unreachable.Add(lane.ChatId);
            dropped = lane.Sends.Count + lane.Edits.Count;
            foreach (var queued in lane.Sends.Concat(lane.Edits))
            {
                queued.Queued = false;
                queued.Delivered.TrySetResult(null);
            }

            pending -= dropped;
            lane.Sends.Clear();
            lane.Edits.Clear();
        }

        logger.LogInformation("Chat {ChatId} is unreachable: {Dropped} queued messages dropped, nothing more is sent until it writes again", lane.ChatId, dropped);
        if (lane.ChatId > 0)
        {
            await api.MarkUnreachable(lane.ChatId);
        }
    }

    /// <summary>One chat's queues of slots (new messages first, then edits) and its pace.</summary>
    private sealed class Lane(long chatId, Pace pace)
    {
        public long ChatId { get; } = chatId;

        public Pace Pace { get; } = pace;

        public Queue<MessageSlot> Sends { get; } = new();

        public Queue<MessageSlot> Edits { get; } = new();

        public bool Draining { get; set; }

        public TaskCompletionSource Idle { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completed when a new message joins the queue while the lane waits for its pace.</summary>
        public TaskCompletionSource Wake { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
