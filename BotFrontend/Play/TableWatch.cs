using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.BotFrontend.Sending;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Chat;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults;

namespace Orleans.Poker.BotFrontend.Play;

/// <summary>
/// The bot's observer of one table. Events are queued and handled one at a time in <see cref="TableEvent.EventSeq"/>
/// order: one older than the last handled (one-way calls are not kept in order) is not shown, as every event carries
/// the whole public view, but what only it carries still goes out (a hand's result, a seat lost). For the table's chat
/// players and group chats it keeps one message per hand that is edited as the hand moves, sends each player their hole cards
/// in their private chat only, a "your turn" message with the legal actions, and once the hand is over a short new
/// message to each chat player who played it with what they won or lost. The chat players' table message ends with the
/// table chat's last lines (it observes the table's chat too), without the lines of players they muted for themselves. Messages go out through the
/// <see cref="Outbox"/> and are never awaited here: one slow or throttled chat does not hold up the table's others.
/// </summary>
internal sealed class TableWatch : ITableObserver, IChatObserver
{
    private readonly Outbox outbox;
    private readonly IGrainFactory grains;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Channel<Work> events = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, string> players = new();
    private readonly ConcurrentDictionary<long, byte> groups = new();

    // Touched by the event loop only.
    private readonly Dictionary<long, (long HandNo, MessageSlot Slot, string Text)> tableMessages = [];
    private readonly Dictionary<long, IReadOnlyList<string>> holeSent = [];
    private readonly HashSet<long> satOut = [];
    private long holeHand = -1;
    private long lastSeq;
    private TableEvent? lastEvent;
    private TurnRef? lastTurn;
    private PromptRef? openPrompt;
    private readonly ConcurrentDictionary<long, PromptRef> lastPrompts = new();
    private (long PlayerId, DateTimeOffset? Until) lastOffer;
    private long playedHand = -1;
    private Dictionary<long, long> startStacks = [];

    // The event whose view startStacks were read from, and the played hand's players.
    private long stacksFrom;
    private HashSet<long> playing = [];

    // The hand before the played one and its start stacks: its result may arrive after the next hand's first event.
    private (long HandNo, Dictionary<long, long> Stacks) previousHand = (-1, []);
    private long notifiedHand = -1;
    private IReadOnlyList<ChatMessage> chat = [];
    private readonly Dictionary<long, HashSet<long>> chatMutes = [];

    public TableWatch(string tableId, Outbox outbox, IGrainFactory grains, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        this.grains = grains;
        TableId = tableId;
        this.outbox = outbox;
        this.time = time;
        this.logger = logger;
        Loop = Task.Run(() => Run(stopping), CancellationToken.None);
    }

    public string TableId { get; }

    public ITableObserver? Reference { get; set; }

    public IChatObserver? ChatReference { get; set; }

    /// <summary>Called from the event loop when the table has ended (<see cref="TableWatches"/> drops the watch).</summary>
    public Func<TableWatch, Task>? Ended { get; set; }

    /// <summary>Called from the event loop when the watch let a chat player go (stood up): their relay is given up.</summary>
    public Action<long>? PlayerLeft { get; set; }

    public Task Loop { get; }

    public bool IsEmpty => players.IsEmpty && groups.IsEmpty;

    public void AddPlayer(long playerId, string language) => players[playerId] = language;

    public bool HasPlayer(long playerId) => players.ContainsKey(playerId);

    /// <summary>The language the table is relayed to the chat player in; null when it is not relayed to them.</summary>
    public string? LanguageOf(long playerId) => players.GetValueOrDefault(playerId);

    /// <summary>The chat players this watch relays the table to.</summary>
    public IReadOnlyList<long> Players => players.Keys.ToList();

    public void RemovePlayer(long playerId)
    {
        players.TryRemove(playerId, out _);
        lastPrompts.TryRemove(playerId, out _);
    }

    public void SetLanguage(long playerId, string language)
    {
        if (players.ContainsKey(playerId))
        {
            players[playerId] = language;
        }
    }

    public void AddGroup(long chatId) => groups[chatId] = 0;

    public void RemoveGroup(long chatId) => groups.TryRemove(chatId, out _);

    public bool HasGroup(long chatId) => groups.ContainsKey(chatId);

    /// <summary>The group chats this watch posts to.</summary>
    public IReadOnlyCollection<long> Groups => groups.Keys.ToList();

    /// <summary>The live prompt, taken by whoever answers it first (a button press or the next turn).</summary>
    public PromptRef? TakePrompt() => Interlocked.Exchange(ref openPrompt, null);

    /// <summary>
    /// Takes the live prompt only if it is <paramref name="playerId"/>'s for <paramref name="turn"/> (the table may
    /// have moved on, even to the same player's next turn).
    /// </summary>
    public PromptRef? TakePromptOf(long playerId, TurnRef turn)
    {
        var prompt = Volatile.Read(ref openPrompt);
        if (prompt is not null && prompt.ChatId == playerId && prompt.Turn == turn && Interlocked.CompareExchange(ref openPrompt, null, prompt) == prompt)
        {
            return prompt;
        }

        // The table's next event got here first and took the buttons off: the prompt is still the one to confirm on.
        return lastPrompts.TryGetValue(playerId, out var last) && last.Turn == turn ? last : null;
    }

    public Task OnTableEvent(TableEvent tableEvent)
    {
        events.Writer.TryWrite(new Work(tableEvent, 0, null));
        return Task.CompletedTask;
    }

    public Task OnChat(string tableId, ChatMessage message, IReadOnlyList<ChatMessage> recent)
    {
        ShowChat(recent);
        return Task.CompletedTask;
    }

    /// <summary>Subscribes to the table's chat (again: subscriptions expire) and reads its lines as they stand.</summary>
    public async Task<IReadOnlyList<ChatMessage>> SubscribeChat()
    {
        var chat = grains.GetGrain<ITableChatGrain>(TableId);
        await chat.Subscribe(ChatReference!);
        return await chat.Recent();
    }

    /// <summary>The table chat's lines as they are now (on subscribing, and on every change): the chat players' table messages show the last ones.</summary>
    public void ShowChat(IReadOnlyList<ChatMessage> recent) => events.Writer.TryWrite(new Work(null, 0, recent));

    /// <summary>
    /// The player's chat answers again after being unreachable: they get the hand as it stands (table message, hole
    /// cards, their prompt) in new messages.
    /// </summary>
    public void Resume(long playerId) => events.Writer.TryWrite(new Work(null, playerId, null));

    /// <summary>
    /// Subscribes again to the table and its chat (grain subscriptions expire; a grain reactivated without a migration
    /// has lost them) and, when the table is past the last event handled (events lost, with none after them), handles
    /// the table as it stands as its newest event; the chat's lines as they stand are merged in. Periodic, and at once
    /// when a cluster gateway connection closed; a renewal that fails is tried again
    /// (<see cref="ClusterConnectionWatch.RenewRetry"/>).
    /// </summary>
    public void Renew() => events.Writer.TryWrite(new Work(null, 0, null, Renewal: 1));

    public void Complete() => events.Writer.TryComplete();

    private async Task Run(CancellationToken stopping)
    {
        try
        {
            await foreach (var work in events.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    if (work.Event is { } tableEvent)
                    {
                        await Process(tableEvent);
                    }
                    else if (work.Chat is { } recent)
                    {
                        await UpdateChat(recent);
                    }
                    else if (work.Renewal > 0)
                    {
                        await OnRenew(work.Renewal);
                    }
                    else
                    {
                        Resend(work.ResumePlayer);
                    }
                }
                catch (Exception e) when (Unavailability.Of(e))
                {
                    logger.LogWarning(e, "Relaying event {EventSeq} of table {TableId} failed: the game servers did not answer", work.Event?.EventSeq, TableId);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Relaying event {EventSeq} of table {TableId} failed", work.Event?.EventSeq, TableId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task Process(TableEvent tableEvent)
    {
        if (tableEvent.EventSeq <= lastSeq)
        {
            // Overtaken by a newer event: its view is stale, but its result, the stacks it left for the next hand and a
            // seat it took away are news.
            logger.LogDebug("Table {TableId}: event {EventSeq} arrived after event {LastSeq}; only its notices are sent", TableId, tableEvent.EventSeq, lastSeq);
            NotifyResult(tableEvent, tableEvent.View);
            StartStacksFrom(tableEvent);
            NoticeStoodUp(tableEvent, tableEvent.View);
            return;
        }

        lastSeq = tableEvent.EventSeq;
        var view = tableEvent.View;
        NoteStartStacks(view);
        lastEvent = tableEvent;
        // Under the chats' pace the first new message goes first: the cards, then the prompt (it names the pot, the
        // board and the cards), then the table message.
        SendHoleCards(tableEvent, view);
        PromptActor(tableEvent, view);
        UpdateTableMessages(tableEvent, view);
        NotifyResult(tableEvent, view);
        OfferHeldSeat(view);
        NoticeSatOut(tableEvent, view);
        if (view.Status == TableStatus.Ended && Ended is { } ended)
        {
            await ended(this);
        }
    }

    // Edits the current hand's table messages only: a chat line never starts a new message. The chat players' own mutes
    // are read again with each change of the chat (table events use what was read last).
    private async Task UpdateChat(IReadOnlyList<ChatMessage> recent)
    {
        var merged = MergeChat(chat, recent);
        if (merged.SequenceEqual(chat))
        {
            return;
        }

        chat = merged;
        foreach (var playerId in players.Keys)
        {
            try
            {
                chatMutes[playerId] = [.. await grains.GetGrain<IPlayerGrain>(playerId).GetChatMutes()];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reading the chat mutes of player {PlayerId} failed: the last ones read stay", playerId);
            }
        }

        if (lastEvent is { } tableEvent)
        {
            UpdateTableMessages(tableEvent, tableEvent.View, editOnly: true);
        }
    }

    /// <summary>
    /// The table's chat after <paramref name="known"/> and <paramref name="recent"/> (each the chat's last lines at some
    /// moment), whichever came first: Orleans does not keep one-way calls in order, so an older list may arrive after a
    /// newer one. Lines are only added and only ever deleted, so every line by id, deleted once either list says so, and
    /// as many of the newest as the longer list held.
    /// </summary>
    internal static IReadOnlyList<ChatMessage> MergeChat(IReadOnlyList<ChatMessage> known, IReadOnlyList<ChatMessage> recent)
    {
        var lines = new SortedDictionary<long, ChatMessage>();
        foreach (var line in known.Concat(recent))
        {
            lines[line.Id] = lines.TryGetValue(line.Id, out var seen) && seen.Deleted ? seen : line;
        }

        return lines.Values.TakeLast(Math.Max(known.Count, recent.Count)).ToList();
    }

    /// <summary>
    /// The renewal (<see cref="Renew"/>), of the table's subscription and the chat's. When the table went on without
    /// this watch, the public view and the chat players' private views as they are now make the event handled next, so
    /// the actor gets their prompt; a hand result that was lost is not sent again. The chat's lines as they stand are
    /// merged in, so a line whose notification was lost shows now.
    /// </summary>
    private async Task OnRenew(int attempt)
    {
        var table = grains.GetGrain<ITableGrain>(TableId);
        TableSnapshot? now = null;
        IReadOnlyList<ChatMessage> recent;
        var mine = new List<PrivateView>();
        try
        {
            recent = await SubscribeChat();
            if (await table.Renew(Reference!) > lastSeq)
            {
                now = await table.GetSnapshot(null);
                foreach (var playerId in players.Keys)
                {
                    if ((await table.GetSnapshot(playerId)).Mine is { } own)
                    {
                        mine.Add(own);
                    }
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (attempt < ClusterConnectionWatch.RenewAttempts)
            {
                logger.LogInformation(e, "Renewing the watch of table {TableId} failed (attempt {Attempt}); trying again in {RetrySeconds} s", TableId, attempt, ClusterConnectionWatch.RenewRetry.TotalSeconds);
                _ = RenewLater(attempt + 1);
            }
            else
            {
                logger.LogWarning(e, "Renewing the watch of table {TableId} failed {Attempts} times; the next periodic renewal tries again", TableId, attempt);
            }

            return;
        }

        if (now is not null)
        {
            logger.LogInformation("Table {TableId}: events after {LastSeq} up to {CurrentSeq} were missed, relaying the table as it stands", TableId, lastSeq, now.EventSeq);
            await Process(new TableEvent(TableId, now.EventSeq, now.TableVersion, TableEventKind.StatusChanged, string.Empty, now.View, mine));
        }

        await UpdateChat(recent);
    }

    private async Task RenewLater(int attempt)
    {
        await Task.Delay(ClusterConnectionWatch.RenewRetry, time);
        events.Writer.TryWrite(new Work(null, 0, null, Renewal: attempt));
    }

    /// <summary>Sends the last event's state to <paramref name="playerId"/> afresh (their old messages may never have arrived).</summary>
    private void Resend(long playerId)
    {
        if (lastEvent is not { } tableEvent)
        {
            return;
        }

        tableMessages.Remove(playerId);
        holeSent.Remove(playerId);
        SendHoleCards(tableEvent, tableEvent.View);
        if (Volatile.Read(ref openPrompt) is { } prompt && prompt.ChatId == playerId && TakePromptOf(playerId, prompt.Turn) is not null)
        {
            lastTurn = null;
            PromptActor(tableEvent, tableEvent.View);
        }

        UpdateTableMessages(tableEvent, tableEvent.View);
    }

    /// <summary>
    /// At the first event of a hand: the stacks its players had before it (the previous event's view), so that its
    /// result can say what each won or lost. A watch that starts in the middle of a hand knows none.
    /// </summary>
    private void NoteStartStacks(TableView view)
    {
        if (view.HandNo == playedHand)
        {
            return;
        }

        previousHand = (playedHand, startStacks);
        playedHand = view.HandNo;
        playing = view.Seats.Where(s => s.InHand && s.PlayerId is not null).Select(s => s.PlayerId!.Value).ToHashSet();
        startStacks = [];
        stacksFrom = 0;
        if (lastEvent is { } previous)
        {
            StartStacksFrom(previous);
        }
    }

    /// <summary>
    /// The played hand's start stacks from <paramref name="before"/>, an event of an earlier hand newer than the one they
    /// were read from: the previous event, or a late one (the previous hand's result arriving after this hand began).
    /// </summary>
    private void StartStacksFrom(TableEvent before)
    {
        if (before.View.HandNo >= playedHand || before.EventSeq <= stacksFrom)
        {
            return;
        }

        stacksFrom = before.EventSeq;
        startStacks = before.View.Seats.Where(s => s.PlayerId is { } id && playing.Contains(id)).ToDictionary(s => s.PlayerId!.Value, s => s.Stack);
    }

    /// <summary>Once per hand, each chat player who played it gets a new message (it notifies) with their result.</summary>
    private void NotifyResult(TableEvent tableEvent, TableView view)
    {
        if (tableEvent.Result is not { } result || result.HandNo <= notifiedHand)
        {
            return;
        }

        var stacks = result.HandNo == playedHand ? startStacks : result.HandNo == previousHand.HandNo ? previousHand.Stacks : null;
        if (stacks is null)
        {
            return;
        }

        notifiedHand = result.HandNo;
        foreach (var (playerId, before) in stacks)
        {
            if (players.TryGetValue(playerId, out var language) && view.Seats.FirstOrDefault(s => s.PlayerId == playerId) is { } seat)
            {
                outbox.Send(playerId, ResultText.Notice(view, result, playerId, seat.Stack - before, language));
            }
        }

        logger.LogDebug("Table {TableId} hand {HandNo}: result sent to {Players} chat players", TableId, result.HandNo, stacks.Keys.Count(players.ContainsKey));
    }

    /// <summary>
    /// A chat player the table sat out (their turns timed out) is told so, with a Sit in button: otherwise they would
    /// only notice that the cards stopped coming. One stood up after sitting out too long is told that too, and no
    /// longer followed here.
    /// </summary>
    private void NoticeSatOut(TableEvent tableEvent, TableView view)
    {
        NoticeStoodUp(tableEvent, view);
        foreach (var seat in view.Seats)
        {
            if (seat.PlayerId is not { } playerId || !players.TryGetValue(playerId, out var language))
            {
                continue;
            }

            if (!seat.SittingOut)
            {
                satOut.Remove(playerId);
            }
            else if (satOut.Add(playerId) && tableEvent.Kind != TableEventKind.SatOut && seat.Stack > 0)
            {
                outbox.Send(playerId, BotTexts.Get(language, "satout.timeouts", view.Name), Keyboards.Seated(language, TableId, sittingOut: true));
            }
        }
    }

    /// <summary>Someone who sat out too long lost the seat: a chat player we saw sitting out and no longer see is told why.</summary>
    private void NoticeStoodUp(TableEvent tableEvent, TableView view)
    {
        if (tableEvent.Kind != TableEventKind.StoodUp)
        {
            return;
        }

        // Gone from the newest view handled too: a late event's view may be from before they sat down again.
        var newest = lastEvent?.View ?? view;
        foreach (var playerId in satOut.Where(p => view.Seats.All(s => s.PlayerId != p) && newest.Seats.All(s => s.PlayerId != p)).ToList())
        {
            satOut.Remove(playerId);
            if (players.TryGetValue(playerId, out var told))
            {
                outbox.Send(playerId, BotTexts.Get(told, "stoodup", view.Name));
                RemovePlayer(playerId);
                PlayerLeft?.Invoke(playerId);
            }
        }
    }

    /// <summary>A waitlisted chat player is told when a seat is held for them, with a button to take it.</summary>
    private void OfferHeldSeat(TableView view)
    {
        if (view.Seats.FirstOrDefault(s => s.HeldFor is not null) is not { HeldFor: { } playerId } held
            || (playerId, held.HeldUntil) == lastOffer
            || !players.TryGetValue(playerId, out var language))
        {
            return;
        }

        lastOffer = (playerId, held.HeldUntil);
        var text = BotTexts.Get(language, "seat.offered", view.Name, TableText.SecondsLeft(held.HeldUntil ?? time.GetUtcNow(), time.GetUtcNow()));
        var keyboard = new global::Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup(
            global::Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData(BotTexts.Get(language, "btn.join", view.Name), new CallbackData.Table(CallbackData.TableVerb.Join, TableId).Format()));
        outbox.Send(playerId, text, keyboard);
    }

    private void SendHoleCards(TableEvent tableEvent, TableView view)
    {
        if (view.HandNo != holeHand)
        {
            holeHand = view.HandNo;
            holeSent.Clear();
        }

        if (view.ActorSeat is null && tableEvent.Kind != TableEventKind.HandStarted)
        {
            return;
        }

        foreach (var mine in tableEvent.Private)
        {
            if (mine.Cards.Count == 0 || !players.TryGetValue(mine.PlayerId, out var language))
            {
                continue;
            }

            // Once per hand, and again when a draw replaced cards (as many as before, not the same ones); while a
            // draw waits for its replacements the hand is short and nothing is sent.
            string key;
            if (!holeSent.TryGetValue(mine.PlayerId, out var sent))
            {
                key = "hole";
            }
            else if (sent.Count == mine.Cards.Count && !sent.SequenceEqual(mine.Cards))
            {
                key = "hole.drawn";
            }
            else
            {
                continue;
            }

            holeSent[mine.PlayerId] = mine.Cards;

            // A private chat's id is the user's id: the cards go to their owner only.
            var owner = mine.PlayerId;
            var text = BotTexts.Get(language, key, view.Name, view.HandNo, CardText.Cards(mine.Cards));
            outbox.Send(owner, text);
        }
    }

    private void UpdateTableMessages(TableEvent tableEvent, TableView view, bool editOnly = false)
    {
        if (view.HandNo <= 0)
        {
            return;
        }

        var live = !editOnly && (view.ActorSeat is not null || tableEvent.Kind == TableEventKind.HandStarted);
        // Chat players get the hand only while they sit at the table (not while waitlisted or after leaving).
        var seated = view.Seats.Where(s => s.PlayerId is not null).Select(s => s.PlayerId!.Value).ToHashSet();
        // Chat players see the table chat's last lines; group chats do not (the table chat is for the table's players and watchers).
        var chats = players.Where(p => seated.Contains(p.Key)).Select(p => (ChatId: p.Key, Language: p.Value, Chat: VisibleChat(p.Key)))
            .Concat(groups.Keys.Select(g => (ChatId: g, Language: BotTexts.English, Chat: (IReadOnlyList<ChatMessage>)[])))
            .ToList();
        foreach (var (chatId, language, lines) in chats)
        {
            var text = TableText.Hand(view, language, time.GetUtcNow(), lines);
            if (tableMessages.TryGetValue(chatId, out var message) && message.HandNo == view.HandNo)
            {
                if (message.Text != text)
                {
                    tableMessages[chatId] = message with { Text = text };
                    outbox.Show(message.Slot, text);
                }
            }
            else if (live)
            {
                tableMessages[chatId] = (view.HandNo, outbox.Send(chatId, text), text);
            }
        }
    }

    /// <summary>The chat lines <paramref name="playerId"/> sees: not those of players they muted for themselves.</summary>
    private IReadOnlyList<ChatMessage> VisibleChat(long playerId) =>
        chatMutes.TryGetValue(playerId, out var muted) && muted.Count > 0 ? chat.Where(m => !muted.Contains(m.PlayerId)).ToList() : chat;

    private void PromptActor(TableEvent tableEvent, TableView view)
    {
        // One prompt per turn, as the table names it.
        var current = TurnRef.Of(view);
        if (current == lastTurn)
        {
            return;
        }

        lastTurn = current;
        if (TakePrompt() is { } previous)
        {
            // The turn moved on: the old prompt keeps its text and loses its buttons (never sent with them if still queued).
            outbox.Show(previous.Slot, previous.Text);
        }

        if (current is not { } turn
            || view.ActorSeat is not { } actorSeat
            || view.Seats.FirstOrDefault(s => s.Seat == actorSeat) is not { PlayerId: { } playerId } seat
            || !players.TryGetValue(playerId, out var language)
            || tableEvent.Private.FirstOrDefault(p => p.PlayerId == playerId) is not { Legal: { } legal } mine)
        {
            return;
        }

        // The prompt goes to the actor's private chat only.
        var text = TableText.Turn(view, mine, language, time.GetUtcNow());
        var keyboard = Keyboards.Turn(language, TableId, turn, legal, seat, mine.Cards);
        // Once the turn has moved on the prompt is shown without its buttons and without a clock that no longer runs.
        var kept = TableText.Turn(view, mine, language, null);
        var prompt = new PromptRef(outbox.Send(playerId, text, keyboard), kept, turn);
        lastPrompts[playerId] = prompt;
        Volatile.Write(ref openPrompt, prompt);
    }

    /// <summary>An event to relay, or (no event) a player to send the hand to afresh.</summary>
    private readonly record struct Work(TableEvent? Event, long ResumePlayer, IReadOnlyList<ChatMessage>? Chat, int Renewal = 0);
}
