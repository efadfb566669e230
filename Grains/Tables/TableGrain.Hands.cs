using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Robots;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Telemetry;
using EngineAction = Orleans.Poker.Engine.Rules.PlayerAction;
using EngineActionKind = Orleans.Poker.Engine.Rules.ActionKind;
using WireAction = Orleans.Poker.Grains.Interfaces.Tables.PlayerAction;
using WireActionKind = Orleans.Poker.Grains.Interfaces.Tables.ActionKind;

namespace Orleans.Poker.Grains.Tables;

/// <summary>The hand life cycle: start, actions, the turn clock, robots, and settling the hand.</summary>
public sealed partial class TableGrain
{
    private const int RecentActsKept = 4;

    /// <summary>The system's secure generator (thread-safe): one for every table.</summary>
    private static readonly RandomNumberGenerator Shuffler = RandomNumberGenerator.Create();

    public async Task<ActResult> Act(long playerId, TurnRef turn, WireAction action, long clientSeq)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = await Apply(playerId, turn, action, clientSeq);
            metrics.ActionHandled(started, "accepted");
            return result;
        }
        catch (PokerException refusal)
        {
            metrics.ActionRefused(refusal.Code);
            metrics.ActionHandled(started, "refused");
            throw;
        }
        catch
        {
            metrics.ActionHandled(started, "failed");
            throw;
        }
    }

    private async Task<ActResult> Apply(long playerId, TurnRef turn, WireAction action, long clientSeq)
    {
        EnsureOpen();
        if (State.RecentActs.TryGetValue(playerId, out var recent) && recent.Find(r => r.ClientSeq == clientSeq) is { } first)
        {
            // A retry of an accepted action: same answer, nothing changes.
            metrics.ActionReplayed();
            return first;
        }

        var tableSeat = SeatOf(playerId) ?? throw PokerException.Conflict("not_seated", "You do not sit at this table");
        if (hand is null || hand.IsOver)
        {
            throw PokerException.Conflict("no_hand", "No hand is being played");
        }

        if (turn.HandNo != State.HandNo || turn.TurnId != State.TurnId)
        {
            // A button or request kept from an earlier street or hand never acts on this one.
            throw PokerException.Conflict("stale_action", "That action was for an earlier turn; look at the table again");
        }

        var handSeat = HandSeatOf(tableSeat) ?? throw PokerException.Conflict("not_in_hand", "You are not in this hand");
        var legal = hand.Actor == handSeat ? hand.GetLegalActions() : default;
        if (action.Kind == WireActionKind.Check && hand.Actor == handSeat && !legal.CanCheck)
        {
            throw PokerException.Conflict("cannot_check", legal.CanCall
                ? $"You cannot check: you face a bet of {legal.CallAmount} (call, raise or fold)"
                : "You cannot check now");
        }

        var engineAction = ToEngine(action, handSeat);
        var betMade = BetMade();
        if (!hand.TryApply(engineAction, out var error))
        {
            throw ToPokerException(error!);
        }

        var seat = State.Seats[tableSeat]!;
        seat.Timeouts = 0;
        if (engineAction.Kind is EngineActionKind.CheckOrCall or EngineActionKind.CompleteBetOrRaiseTo or EngineActionKind.PostBringIn
            && hand.Events.Count > 0)
        {
            MarkVoluntary(handSeat, engineAction);
        }

        // The answer is remembered in the same write that persists the action (one write per action).
        var result = new ActResult(clientSeq, State.EventSeq + 1, State.TableVersion + 1);
        Remember(playerId, result);
        metrics.ActionAccepted();
        await AfterAction($"{seat.Name} {Describe(action, legal, betMade, hand.IsAllIn(handSeat))}");
        return result;
    }

    private int? HandSeatOf(int tableSeat)
    {
        var index = Array.IndexOf(State.HandSeats, tableSeat);
        return hand is null || index < 0 ? null : index;
    }

    private void Remember(long playerId, ActResult result)
    {
        if (!State.RecentActs.TryGetValue(playerId, out var list))
        {
            State.RecentActs[playerId] = list = [];
        }

        list.Add(result);
        if (list.Count > RecentActsKept)
        {
            list.RemoveAt(0);
        }
    }

    private void MarkVoluntary(int handSeat, EngineAction action)
    {
        // Posting blinds is not voluntary; a call or raise on any street is.
        if (action.Kind != EngineActionKind.PostBringIn && State.HandVoluntary.Length > handSeat)
        {
            State.HandVoluntary[handSeat] = true;
        }
    }

    private static EngineAction ToEngine(WireAction action, int seat) => action.Kind switch
    {
        WireActionKind.Fold => EngineAction.Fold(seat),
        WireActionKind.Check or WireActionKind.Call => EngineAction.CheckOrCall(seat),
        WireActionKind.BetOrRaise => EngineAction.RaiseTo(seat, action.Amount),
        WireActionKind.BringIn => EngineAction.BringIn(seat),
        WireActionKind.Discard => EngineAction.Discard(seat, ParseCards(action.Cards)),
        _ => throw new PokerException("invalid_action", $"Unknown action {action.Kind}"),
    };

    private static Card[] ParseCards(IReadOnlyList<string>? cards)
    {
        if (cards is null || cards.Count == 0)
        {
            return [];
        }

        if (cards.Count > PackedCards.Capacity)
        {
            throw new PokerException("invalid_cards", $"At most {PackedCards.Capacity} cards can be discarded");
        }

        var result = new Card[cards.Count];
        for (var i = 0; i < cards.Count; i++)
        {
            if (!Card.TryParse(cards[i], out result[i]) || !result[i].IsKnown)
            {
                throw new PokerException("invalid_cards", $"'{cards[i]}' is not a card (rank 2-9TJQKA then suit cdhs, e.g. As)");
            }
        }

        return result;
    }

    private static PokerException ToPokerException(EngineError error)
    {
        var code = WireNames.SnakeCase(error.Code.ToString());
        var status = error.Code is EngineErrorCode.NotYourTurn or EngineErrorCode.HandOver or EngineErrorCode.WrongPhase ? 409 : 400;
        return new PokerException(code, error.Message, status);
    }

    private bool BetMade()
    {
        foreach (var bet in hand!.Bets)
        {
            if (bet > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What an action did, for the event text: a call names its amount, a bet or raise what it opened or raised.</summary>
    private static string Describe(WireAction action, Engine.Rules.LegalActions before, bool betMade, bool allIn)
    {
        var toCall = before.CanCall ? before.CallAmount : 0;
        var text = action.Kind switch
        {
            WireActionKind.Fold => "folds",
            WireActionKind.Check or WireActionKind.Call when toCall == 0 => "checks",
            WireActionKind.Check or WireActionKind.Call => $"calls {toCall}",
            WireActionKind.BetOrRaise when betMade => $"raises to {action.Amount}",
            WireActionKind.BetOrRaise => $"bets {action.Amount}",
            WireActionKind.BringIn => "brings in",
            WireActionKind.Discard => action.Cards is { Count: > 0 } c ? $"draws {c.Count}" : "stands pat",
            _ => action.Kind.ToString(),
        };
        return allIn && action.Kind is WireActionKind.Call or WireActionKind.Check or WireActionKind.BetOrRaise ? text + ", all-in" : text;
    }

    /// <summary>After an accepted action: the next turn (or none), persist and emit; a finished hand is then settled.</summary>
    private async Task AfterAction(string description)
    {
        ScheduleTurn();
        await Emit(TableEventKind.Action, description);
        if (hand!.IsOver)
        {
            await FinishHand();
        }
    }

    /// <summary>Opens the next turn: its id is the event about to be emitted, and its clock starts now.</summary>
    private void ScheduleTurn()
    {
        State.TurnId = hand?.Actor is null ? 0 : State.EventSeq + 1;
        ArmTurnClock();
    }

    /// <summary>The turn clock of the player to act (a robot's thinking time too); none when nobody is to act.</summary>
    private void ArmTurnClock()
    {
        State.Deadline = null;
        State.RobotActsAt = null;
        if (hand?.Actor is not int actor)
        {
            return;
        }

        var seat = State.Seats[State.HandSeats[actor]]!;
        State.Deadline = seat.SittingOut || seat.LeaveAfterHand ? Now : Now + Config.TurnTime;
        if (seat.IsRobot)
        {
            State.RobotActsAt = Now + RobotThinkTime;
        }
    }

    /// <summary>Starts a hand when enough players are ready and nothing stops it.</summary>
    private async Task MaybeScheduleHand()
    {
        if (hand is not null || State.Status is TableStatus.Paused or TableStatus.Ended || State.CloseReason is not null)
        {
            return;
        }

        var config = Config;
        var readySeats = ReadySeats();
        var ready = readySeats.Count;

        // Robots keep people company; they do not play among themselves in an empty room.
        var enough = readySeats.Any(s => !State.Seats[s]!.IsRobot) && (config.Type == TableType.SitAndGo
            ? (State.SitAndGoStarted ? ready >= 2 : ready >= config.MaxPlayers)
            : ready >= Math.Max(2, config.MinPlayers));
        if (!enough)
        {
            if (State.NextHandAt is not null)
            {
                State.NextHandAt = null;
                await Persist();
            }

            return;
        }

        if (State.NextHandAt is null)
        {
            State.NextHandAt = Now + config.PauseBetweenHands;
            if (config.PauseBetweenHands > TimeSpan.Zero)
            {
                // Stored so that the pause survives a restart; without a pause the hand starts (and is stored) now.
                await Persist();
            }
        }

        if (State.NextHandAt <= Now)
        {
            await StartHand();
        }
    }

    private List<int> ReadySeats()
    {
        var sitAndGo = Config.Type == TableType.SitAndGo;
        var ready = new List<int>();
        for (var i = 0; i < State.Seats.Length; i++)
        {
            // In a sit-and-go a sitting-out player is still dealt in (and blinded away by the clock).
            if (State.Seats[i] is { } s && s.Stack > 0 && !s.LeaveAfterHand && (sitAndGo || !s.SittingOut) && s.FinishedPlace == 0)
            {
                ready.Add(i);
            }
        }

        return ready;
    }

    private async Task StartHand()
    {
        var config = Config;
        var ready = ReadySeats();
        var button = ready.FirstOrDefault(s => s > State.ButtonSeat, ready[0]);

        // Engine seat 0 is the first player left of the button; the button is the last engine seat.
        var start = (ready.IndexOf(button) + 1) % ready.Count;
        var order = new int[ready.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = ready[(start + i) % ready.Count];
        }

        if (config.Type == TableType.SitAndGo)
        {
            AdvanceLevel();
        }

        var (smallBlind, bigBlind, ante) = CurrentBlinds();
        var variant = Variants.Get(config.Variant);
        var stacks = order.Select(s => State.Seats[s]!.Stack).ToArray();
        var handConfig = new HandConfig
        {
            Variant = variant,
            StartingStacks = stacks,
            Antes = ante > 0 ? Enumerable.Repeat(ante, order.Length).ToArray() : [],
            BlindsOrStraddles = variant.UsesBringIn ? [] : BlindArray(order.Length, smallBlind, bigBlind),
            BringIn = variant.UsesBringIn ? config.BringIn : 0,
            SmallBet = config.SmallBet,
            BigBet = config.BigBet,
            MinBet = bigBlind > 0 ? bigBlind : Math.Max(1, config.SmallBet),
            Rake = new RakeRule((int)(config.RakePercent * 100), config.RakeCap, config.NoFlopNoDrop),
        };

        State.ButtonSeat = button;
        State.HandSeats = order;
        State.HandStartStacks = stacks;
        State.HandVoluntary = new bool[order.Length];
        State.HandNo++;
        State.HandStartedAt = Now;
        State.NextHandAt = null;
        State.LastResult = null;
        State.Status = TableStatus.Active;
        if (config.Type == TableType.SitAndGo && !State.SitAndGoStarted)
        {
            State.SitAndGoStarted = true;
            State.LevelEndsAt = Now + LevelDuration(0);
        }

        hand = new Hand(handConfig, Deck.Shuffled(Shuffler, variant.DeckSize));
        metrics.HandStarted(config.Variant, order.Any(s => State.Seats[s]!.IsRobot));
        logger.LogInformation("Table {TableId} hand {HandNo} started with {Players} players", TableId, State.HandNo, order.Length);
        if (hand.IsOver)
        {
            await Emit(TableEventKind.HandStarted, $"hand #{State.HandNo} starts");
            await FinishHand();
            return;
        }

        ScheduleTurn();
        await Emit(TableEventKind.HandStarted, $"hand #{State.HandNo} starts");
    }

    private static long[] BlindArray(int players, long smallBlind, long bigBlind)
    {
        var blinds = new long[players];
        blinds[0] = smallBlind;
        blinds[1] = bigBlind;
        return blinds;
    }

    private (long SmallBlind, long BigBlind, long Ante) CurrentBlinds()
    {
        var config = Config;
        if (config.Type == TableType.SitAndGo && config.BlindLevels.Count > 0)
        {
            var level = config.BlindLevels[Math.Min(State.Level, config.BlindLevels.Count - 1)];
            return (level.SmallBlind, level.BigBlind, level.Ante);
        }

        return (config.SmallBlind, config.BigBlind, config.Ante);
    }

    private TimeSpan LevelDuration(int level) =>
        Config.BlindLevels.Count == 0 ? TimeSpan.MaxValue : Config.BlindLevels[Math.Min(level, Config.BlindLevels.Count - 1)].Duration;

    private void AdvanceLevel()
    {
        while (State.LevelEndsAt is { } ends && ends <= Now && State.Level < Config.BlindLevels.Count - 1)
        {
            State.Level++;
            State.LevelEndsAt = ends + LevelDuration(State.Level);
        }
    }

    /// <summary>
    /// The hand is over: stacks back to the seats and its history into the outbox, stored in one write with the hand
    /// gone (so a table loaded with an over hand settles it, and one loaded after settling never settles it again);
    /// then the history is stored, players told, and what follows a hand.
    /// </summary>
    private async Task FinishHand()
    {
        var done = hand!;
        CheckConservation(done);
        metrics.HandFinished(Config.Variant);
        var result = BuildResult(done);
        for (var i = 0; i < State.HandSeats.Length; i++)
        {
            State.Seats[State.HandSeats[i]]!.Stack = done.Stacks[i];
        }

        State.RakeCollected += done.Rake;
        State.LastResult = result;
        State.Deadline = null;
        State.RobotActsAt = null;
        State.TurnId = 0;
        State.PendingHistories.Add(HistoryOf(done));
        var outcomes = State.HandSeats.Select((s, i) => (Seat: State.Seats[s]!, Outcome: new HandOutcome(
            TableId, State.HandNo, done.Net(i), done.Winnings[i], State.HandVoluntary.ElementAtOrDefault(i), done.Events.Any(e => e.Kind == HandEventKind.Shown && e.Seat == i)))).ToList();

        hand = null;
        State.HandSeats = [];
        if (State.Status != TableStatus.Paused)
        {
            State.Status = TableStatus.Waiting;
        }

        logger.LogInformation("Table {TableId} hand {HandNo} ended, rake {Rake}", TableId, State.HandNo, done.Rake);
        await Emit(TableEventKind.HandFinished, $"hand #{State.HandNo} ends", result: result);
        await StoreHistories();

        await Task.WhenAll(outcomes.Where(o => !o.Seat.IsRobot).Select(o =>
            CallSafely(() => GrainFactory.GetGrain<IPlayerGrain>(o.Seat.PlayerId).RecordHand(o.Outcome), "record hand")));

        await AfterHand();
    }

    /// <summary>
    /// The chips at the table after the hand (stacks, anything left in a pot) plus its rake must be the chips it started
    /// with. A violation is a bug: reported (Critical, and counted), never corrected.
    /// </summary>
    private void CheckConservation(Hand done)
    {
        var expected = State.HandStartStacks.Sum();
        var actual = done.Stacks.Sum() + done.TotalPot + done.Rake;
        if (actual != expected)
        {
            logger.LogCritical(
                "Chips not conserved at table {TableId} hand {HandNo}: expected {Expected}, actual {Actual} (stacks {Stacks}, rake {Rake})",
                TableId, State.HandNo, expected, actual, done.Stacks, done.Rake);
            metrics.ConservationViolated(Config.Variant);
        }
    }

    /// <summary>
    /// Stores the settled hands of the outbox, oldest first; what the store refuses stays for the timer to retry. The
    /// emptied outbox is written with the table's next change: a replay after a crash stores nothing twice.
    /// </summary>
    private async Task StoreHistories()
    {
        while (State.PendingHistories.Count > 0)
        {
            var record = State.PendingHistories[0];
            try
            {
                await histories.SaveAsync(record);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Table {TableId} hand {HandNo} history not stored yet; retrying", TableId, record.HandNumber);
                return;
            }

            State.PendingHistories.RemoveAt(0);
        }
    }

    private HandRecord HistoryOf(Hand done) => new(
        TableId,
        State.HandNo,
        Config.Variant,
        State.HandStartedAt ?? Now,
        Now,
        State.HandSeats.Select(s => State.Seats[s]!.PlayerId).ToArray(),
        done.Winnings.Sum() + done.Rake,
        done.Rake,
        Phh(done));

    /// <summary>The hand as PHH with the standard's optional descriptive fields filled in.</summary>
    private string Phh(Hand done)
    {
        var document = done.ToPhhDocument();
        var started = State.HandStartedAt ?? Now;
        document.Extra["table"] = State.Name;
        document.Extra["hand"] = State.HandNo;
        document.Extra["players"] = State.HandSeats.Select(s => (object)State.Seats[s]!.Name).ToList();
        document.Extra["seats"] = State.HandSeats.Select(s => (object)(long)(s + 1)).ToList();
        document.Extra["seat_count"] = (long)State.Seats.Length;
        document.Extra["day"] = (long)started.Day;
        document.Extra["month"] = (long)started.Month;
        document.Extra["year"] = (long)started.Year;
        document.Extra["time"] = new TimeOnly(started.UtcDateTime.Hour, started.UtcDateTime.Minute, started.UtcDateTime.Second);
        document.Extra["time_zone"] = "UTC";

        // Play money has no ISO 4217 currency, so none is named; the export records the rake as `_rake` itself.
        return document.ToToml();
    }

    /// <summary>Cash-outs of leavers, busts, sit-and-go places, closing and expiry; then the next hand.</summary>
    private async Task AfterHand()
    {
        var config = Config;
        var freed = false;
        var changed = false;
        for (var i = 0; i < State.Seats.Length; i++)
        {
            if (State.Seats[i] is not { } seat)
            {
                continue;
            }

            if (seat.LeaveAfterHand)
            {
                QueueCashOut(i);
                freed = changed = true;
            }
            else if (seat.Stack == 0 && config.Type == TableType.SitAndGo && seat.FinishedPlace == 0)
            {
                seat.FinishedPlace = State.Seats.Count(s => s is { FinishedPlace: 0 });
                changed = true;
            }
            else if (seat.Stack == 0 && config.Type != TableType.SitAndGo && !seat.SittingOut)
            {
                // Busted in a cash game: sat out until they top up (robots buy in again).
                seat.SittingOut = true;
                changed = true;
            }
        }

        if (config.Type == TableType.SitAndGo && State.SitAndGoStarted && State.Seats.Count(s => s is { FinishedPlace: 0 }) <= 1)
        {
            await FinishSitAndGo();
            return;
        }

        if (changed)
        {
            // The hand's end was stored when it was emitted; only what changed since needs another write.
            await Persist();
        }

        await SettleTransfers();
        if (freed)
        {
            await OfferFreedSeat();
            await UpdateLobby();
        }

        await RebuyRobots();
        if (State.CloseReason is not null || (State.ExpiresAt is { } expires && expires <= Now))
        {
            State.CloseReason ??= "expired";
            await CloseNow();
            return;
        }

        await MaybeScheduleHand();
    }

    private async Task FinishSitAndGo()
    {
        var winner = State.Seats.Select((s, i) => (Seat: s, Index: i)).FirstOrDefault(x => x.Seat is { FinishedPlace: 0 });
        if (winner.Seat is { } seat)
        {
            seat.FinishedPlace = 1;
            State.PendingTransfers.Add(new PendingTransfer
            {
                TransferId = $"{TableId}:prize:{seat.PlayerId}",
                PlayerId = seat.PlayerId,
                Amount = State.PrizePool,
                ToTable = false,
                Kind = LedgerKind.Prize,
            });
            logger.LogInformation("Sit-and-go {TableId} won by {PlayerId}, prize {Prize}", TableId, seat.PlayerId, State.PrizePool);
        }

        State.PrizePool = 0;
        foreach (var s in State.Seats.OfType<SeatState>())
        {
            s.Stack = 0;
        }

        State.CloseReason = winner.Seat is null ? "finished" : $"won by {winner.Seat.Name}";
        await CloseNow();
    }

    /// <summary>Takes a seat out now (cash-out recorded for settlement), or after the hand if the player is in it.</summary>
    private async Task<long> Remove(int index, string verb)
    {
        var seat = State.Seats[index]!;
        if (hand is not null && HandSeatOf(index) is int handSeat && !hand.IsOver)
        {
            seat.LeaveAfterHand = true;
            if (hand.Actor == handSeat)
            {
                // Leaving on your turn folds right away.
                State.Deadline = Now;
            }

            await Emit(TableEventKind.Left, $"{seat.Name} {verb} after this hand");
            return 0;
        }

        var amount = QueueCashOut(index);
        await Persist();
        await SettleTransfers();
        await Emit(TableEventKind.Left, $"{seat.Name} {verb}");
        await OfferFreedSeat();
        await UpdateLobby();
        await MaybeScheduleHand();
        return amount;
    }

    /// <summary>Empties a seat and records the chips owed to the player (a sit-and-go refunds the fee before it starts).</summary>
    private long QueueCashOut(int index)
    {
        var seat = State.Seats[index]!;
        State.Seats[index] = null;
        var amount = seat.Stack;
        if (Config.Type == TableType.SitAndGo)
        {
            amount = State.SitAndGoStarted ? 0 : Config.MinBuyIn;
            State.PrizePool -= amount;
        }

        if (amount > 0)
        {
            State.PendingTransfers.Add(new PendingTransfer
            {
                TransferId = $"{TableId}:out:{seat.PlayerId}:{Guid.NewGuid():N}",
                PlayerId = seat.PlayerId,
                Amount = amount,
                ToTable = false,
                Kind = LedgerKind.CashOut,
            });
        }

        _ = CallSafely(() => GrainFactory.GetGrain<IPlayerGrain>(seat.PlayerId).SetSeated(TableId, false), "untrack table");
        return amount;
    }

    /// <summary>Confirms every recorded chip move with the player grains; what fails is retried by the timer.</summary>
    private async Task SettleTransfers()
    {
        if (State.PendingTransfers.Count == 0)
        {
            return;
        }

        foreach (var transfer in State.PendingTransfers.ToList())
        {
            var player = GrainFactory.GetGrain<IPlayerGrain>(transfer.PlayerId);
            try
            {
                if (transfer.ToTable)
                {
                    // A buy-in whose seat was never taken (crash mid-sit): make sure it was debited once, then refund it.
                    try
                    {
                        await player.TransferToTable(transfer.TransferId, TableId, transfer.Amount);
                        await player.TransferFromTable(transfer.TransferId + ":refund", TableId, transfer.Amount, LedgerKind.CashOut);
                    }
                    catch (PokerException)
                    {
                        // Refused (e.g. insufficient balance): nothing was debited.
                    }
                }
                else
                {
                    await player.TransferFromTable(transfer.TransferId, TableId, transfer.Amount, transfer.Kind);
                }

                State.PendingTransfers.Remove(transfer);
            }
            catch (Exception ex) when (ex is not PokerException)
            {
                logger.LogWarning(ex, "Table {TableId} transfer {TransferId} not confirmed yet; retrying", TableId, transfer.TransferId);
            }
        }

        await Persist();
    }

    private async Task OfferFreedSeat()
    {
        if (!Config.WaitlistEnabled || State.Hold is not null || State.Status == TableStatus.Ended)
        {
            return;
        }

        var free = Array.FindIndex(State.Seats, s => s is null);
        if (free < 0)
        {
            return;
        }

        var seated = State.Seats.OfType<SeatState>().Select(s => s.PlayerId).ToArray();
        var next = await GrainFactory.GetGrain<IWaitlistGrain>(TableId).TakeNext(seated);
        if (next is null)
        {
            return;
        }

        State.Hold = new SeatHold { Seat = free, PlayerId = next.PlayerId, Until = Now + Config.SeatHoldTime };
        State.WaitlistLength = Math.Max(0, State.WaitlistLength - 1);
        await Emit(TableEventKind.SeatOffered, $"seat {free} is offered to {next.DisplayName}");
    }

    private async Task CloseNow()
    {
        for (var i = 0; i < State.Seats.Length; i++)
        {
            if (State.Seats[i] is not null)
            {
                QueueCashOut(i);
            }
        }

        State.Status = TableStatus.Ended;
        State.Hold = null;
        State.NextHandAt = null;
        State.Deadline = null;
        await Persist();
        await SettleTransfers();
        await SaveRecord();
        logger.LogInformation("Table {TableId} closed: {Reason}", TableId, State.CloseReason);
        await Emit(TableEventKind.StatusChanged, $"table closed: {State.CloseReason}");
        await UpdateLobby();
        await CallSafely(() => GrainFactory.GetGrain<ITemplateGrain>(State.TemplateId).Release(TableId), "release template");
    }

    /// <summary>The timer: does everything that is due, in order, then re-arms for the next thing.</summary>
    private async Task OnTick()
    {
        await StoreHistories();
        if (!State.Created || State.Status == TableStatus.Ended)
        {
            return;
        }

        var now = Now;
        await SettleTransfers();
        if (State.Hold is { } hold && hold.Until <= now)
        {
            State.Hold = null;
            await Persist();
            await OfferFreedSeat();
        }

        if (State.ExpiresAt is { } expires && !State.ExpiryWarned && Config.ExpiryWarning is { } warning && expires - warning <= now)
        {
            State.ExpiryWarned = true;
            await Emit(TableEventKind.ExpiryWarning, $"the table closes at {expires:u}");
        }

        if (State.ExpiresAt is { } end && end <= now && hand is null)
        {
            State.CloseReason ??= "expired";
            await CloseNow();
            return;
        }

        if (hand is not null && hand.Actor is int actor)
        {
            var seat = State.Seats[State.HandSeats[actor]]!;
            if (seat.IsRobot && State.RobotActsAt <= now && !seat.LeaveAfterHand)
            {
                await RobotAct(actor);
            }
            else if (State.Deadline <= now)
            {
                await TimeOut(actor);
            }
        }

        await MaybeScheduleHand();
    }

    private async Task TimeOut(int actor)
    {
        var legal = hand!.GetLegalActions();
        var action = legal.CanCheck ? EngineAction.CheckOrCall(actor)
            : legal.CanDraw ? EngineAction.StandPat(actor)
            : legal.CanPostBringIn ? EngineAction.BringIn(actor)
            : legal.CanShowOrMuck ? EngineAction.Show(actor)
            : EngineAction.Fold(actor);
        hand.Apply(action);
        metrics.AutomaticAction(robot: false);
        var seat = State.Seats[State.HandSeats[actor]]!;
        if (!seat.LeaveAfterHand)
        {
            seat.Timeouts++;
            if (seat.Timeouts >= Config.TimeoutsBeforeSitOut && !seat.SittingOut)
            {
                seat.SittingOut = true;
            }
        }

        await AfterAction($"{seat.Name} timed out: {action.Kind switch { EngineActionKind.Fold => "folds", EngineActionKind.CheckOrCall => "checks", _ => "acts" }}");
    }

    private async Task RobotAct(int actor)
    {
        var tableSeat = State.HandSeats[actor];
        var seat = State.Seats[tableSeat]!;
        var mine = BuildPrivateViews().First(p => p.Seat == tableSeat);
        var decision = RobotStrategy.For(seat.PlayerId).Decide(mine.Cards, BuildView(), mine.Legal!);
        var legal = hand!.GetLegalActions();
        var betMade = BetMade();
        if (!hand.TryApply(ToEngine(decision, actor), out _))
        {
            // The strategy only proposes legal actions; if it ever does not, the clock's choice is always legal.
            await TimeOut(actor);
            return;
        }

        metrics.AutomaticAction(robot: true);
        await AfterAction($"{seat.Name} {Describe(decision, legal, betMade, hand.IsAllIn(actor))}");
    }

    private void SeatRobots()
    {
        var config = Config;
        for (var i = 0; i < Math.Min(config.Robots, State.Seats.Length - 1); i++)
        {
            var id = RobotStrategy.RobotId(TableId, i);
            State.Seats[i] = new SeatState { PlayerId = id, Name = RobotStrategy.NameOf(id), Stack = 0, IsRobot = true, SittingOut = true };
        }
    }

    /// <summary>Robots with no chips buy in again from their own balance (the same ledger as everyone).</summary>
    private async Task RebuyRobots()
    {
        foreach (var seat in State.Seats.OfType<SeatState>().Where(s => s.IsRobot && s.Stack == 0 && Config.Type != TableType.SitAndGo))
        {
            var player = GrainFactory.GetGrain<IPlayerGrain>(seat.PlayerId);
            var transferId = $"{TableId}:in:{seat.PlayerId}:{State.HandNo}";
            var pending = new PendingTransfer { TransferId = transferId, PlayerId = seat.PlayerId, Amount = Config.MaxBuyIn, ToTable = true, Kind = LedgerKind.BuyIn };
            State.PendingTransfers.Add(pending);
            await Persist();
            try
            {
                await player.Register(new PlayerProfile { PlayerId = seat.PlayerId, DisplayName = seat.Name, IsRobot = true });
                await player.TransferToTable(transferId, TableId, Config.MaxBuyIn);
                State.PendingTransfers.Remove(pending);
                seat.Stack = Config.MaxBuyIn;
                seat.SittingOut = false;
            }
            catch (PokerException ex)
            {
                State.PendingTransfers.Remove(pending);
                logger.LogWarning("Robot {PlayerId} cannot buy in at {TableId}: {Reason}", seat.PlayerId, TableId, ex.Message);
            }

            await Persist();
        }
    }

    private async Task CallSafely(Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Table {TableId} could not {What}", TableId, what);
        }
    }
}
