using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Evaluation;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using SeatView = Orleans.Poker.Grains.Interfaces.Tables.SeatView;
using WireLegal = Orleans.Poker.Grains.Interfaces.Tables.LegalActions;

namespace Orleans.Poker.Grains.Tables;

/// <summary>Views, events, the lobby entry and the timer.</summary>
public sealed partial class TableGrain
{
    private TableSummary Summary() => new()
    {
        TableId = TableId,
        Name = State.Name,
        Variant = Config.Variant,
        TemplateId = State.TemplateId,
        TemplateVersion = State.TemplateVersion,
        Status = State.Status,
        Type = Config.Type,
        SmallBlind = CurrentBlinds().SmallBlind,
        BigBlind = CurrentBlinds().BigBlind,
        Ante = CurrentBlinds().Ante,
        BringIn = Config.BringIn,
        SmallBet = Config.SmallBet,
        BigBet = Config.BigBet,
        SeatsTaken = State.Seats.Count(s => s is not null),
        MaxPlayers = Config.MaxPlayers,
        WaitlistLength = State.WaitlistLength,
        IsPrivate = State.InviteCode is not null,
        ExpiresAt = State.ExpiresAt,
        MinBuyIn = Config.MinBuyIn,
        MaxBuyIn = Config.MaxBuyIn,
        HandNo = State.HandNo,
    };

    private async Task UpdateLobby()
    {
        var lobby = GrainFactory.GetGrain<ILobbyGrain>(ILobbyGrain.PartitionOf(TableId));
        await CallSafely(
            () => State.Status == TableStatus.Ended ? lobby.Remove(TableId) : lobby.Upsert(Summary()),
            "update the lobby");
    }

    /// <summary>The public view: every face-down card of the hand in progress is <c>??</c>.</summary>
    private TableView BuildView()
    {
        var config = Config;
        var (smallBlind, bigBlind, ante) = CurrentBlinds();
        var seats = new SeatView[State.Seats.Length];
        var shown = ShownSeats();
        for (var i = 0; i < seats.Length; i++)
        {
            var seat = State.Seats[i];
            var handSeat = HandSeatOf(i);
            var inHand = hand is not null && handSeat is not null;
            var h = handSeat ?? 0;
            string[] visible = [];
            if (inHand)
            {
                var cards = hand!.HoleCards(h);
                visible = new string[cards.Length];
                for (var c = 0; c < cards.Length; c++)
                {
                    visible[c] = shown[h] || hand.IsHoleCardUp(h, c) ? cards[c].ToString() : "??";
                }
            }

            var view = new SeatView
            {
                Seat = i,
                PlayerId = seat?.PlayerId,
                Name = seat?.Name,
                Stack = StackOf(seat, handSeat),
                SittingOut = seat?.SittingOut ?? false,
                IsRobot = seat?.IsRobot ?? false,
                HeldFor = State.Hold?.Seat == i ? State.Hold.PlayerId : null,
                HeldUntil = State.Hold?.Seat == i ? State.Hold.Until : null,
                InHand = inHand,
                Bet = inHand ? hand!.Bets[h] : 0,
                Folded = inHand && hand!.IsFolded(h),
                AllIn = inHand && hand!.IsAllIn(h),
                Cards = visible,
            };
            seats[i] = view;
        }

        return new TableView
        {
            TableId = TableId,
            Name = State.Name,
            Variant = config.Variant,
            Status = State.Status,
            HandNo = State.HandNo,
            ButtonSeat = State.ButtonSeat >= 0 ? State.ButtonSeat : null,
            Seats = seats,
            Board = hand is null ? [] : Strings(hand.Board),
            Pots = hand is null ? [] : hand.CurrentPots().Select(p => new PotView(p.Amount, p.Eligible.Select(e => State.HandSeats[e]).ToArray())).ToArray(),
            ActorSeat = hand?.Actor is int a ? State.HandSeats[a] : null,
            Deadline = hand?.Actor is not null ? State.Deadline : null,
            Street = hand?.StreetIndex ?? 0,
            SmallBlind = smallBlind,
            BigBlind = bigBlind,
            Ante = ante,
            MaxPlayers = config.MaxPlayers,
            MinBuyIn = config.MinBuyIn,
            MaxBuyIn = config.MaxBuyIn,
            ExpiresAt = State.ExpiresAt,
            NextHandAt = State.NextHandAt,
            TemplateId = State.TemplateId,
            Type = config.Type,
            LastResult = State.LastResult,
            TurnId = hand?.Actor is null ? 0 : State.TurnId,
            WaitlistLength = State.WaitlistLength,
        };
    }

    private long StackOf(SeatState? seat, int? handSeat = null)
    {
        if (seat is null)
        {
            return 0;
        }

        handSeat ??= HandSeatOf(Array.IndexOf(State.Seats, seat));
        return hand is not null && handSeat is int h ? hand.Stacks[h] : seat.Stack;
    }

    private bool[] ShownSeats()
    {
        if (hand is null)
        {
            return [];
        }

        var shown = new bool[hand.PlayerCount];
        foreach (var e in hand.Events)
        {
            if (e.Kind == HandEventKind.Shown)
            {
                shown[e.Seat] = true;
            }
        }

        return shown;
    }

    /// <summary>Each seated player's own part: their cards, and their legal actions on their turn.</summary>
    private List<PrivateView> BuildPrivateViews()
    {
        var views = new List<PrivateView>();
        if (hand is null)
        {
            return views;
        }

        var actor = hand.Actor;
        for (var h = 0; h < State.HandSeats.Length; h++)
        {
            var seat = State.Seats[State.HandSeats[h]]!;
            var legal = actor == h ? ToWire(hand.GetLegalActions()) : null;
            views.Add(new PrivateView(seat.PlayerId, State.HandSeats[h], Strings(hand.HoleCards(h)), legal));
        }

        return views;
    }

    private static WireLegal ToWire(Engine.Rules.LegalActions legal) => new()
    {
        CanFold = legal.CanFold,
        CanCheck = legal.CanCheck,
        CallAmount = legal.CanCall ? legal.CallAmount : null,
        CanBetOrRaise = legal.CanBetOrRaise,
        MinRaiseTo = legal.MinRaiseTo,
        MaxRaiseTo = legal.MaxRaiseTo,
        BringIn = legal.CanPostBringIn ? legal.BringInAmount : null,
        DiscardMin = legal.CanDraw ? legal.MinDiscard : null,
        DiscardMax = legal.CanDraw ? legal.MaxDiscard : null,
    };

    private static string[] Strings(ReadOnlySpan<Card> cards)
    {
        var result = new string[cards.Length];
        for (var i = 0; i < cards.Length; i++)
        {
            result[i] = cards[i].ToString();
        }

        return result;
    }

    private HandResult BuildResult(Hand done)
    {
        var shown = ShownSeats();
        var awards = new List<PotAward>();
        foreach (var e in done.Events)
        {
            if (e.Kind != HandEventKind.PotAwarded)
            {
                continue;
            }

            var seat = State.Seats[State.HandSeats[e.Seat]]!;
            var cards = shown[e.Seat] ? Strings(done.HoleCards(e.Seat)) : [];
            var names = shown[e.Seat] ? NameHand(done, e.Seat) : null;
            var text = names is null ? null : string.Join(" / ", names.Select(HandEvaluator.English));
            awards.Add(new PotAward(State.HandSeats[e.Seat], seat.PlayerId, e.Amount, text, cards, names?.Select(Wire).ToList()));
        }

        return new HandResult(State.HandNo, awards, Strings(done.Board), done.Rake, $"{TableId}:{State.HandNo}");
    }

    // The wire form of a hand name: the kind in snake case ("two_pair") and the ranks.
    private static ShownHand Wire(HandName name) => new(WireNames.SnakeCase(name.Kind.ToString()), name.Ranks);

    // The high hand, then the low one in a hi/lo game; null when there are too few cards to rank.
    private static List<HandName>? NameHand(Hand done, int seat)
    {
        var variant = done.Variant;
        ulong hole = 0, board = 0;
        foreach (var c in done.HoleCards(seat))
        {
            hole |= c.Mask;
        }

        foreach (var c in done.Board)
        {
            board |= c.Mask;
        }

        HandName Of(HandRanking ranking)
        {
            var value = variant.Omaha ? HandEvaluator.EvaluateOmaha(ranking, hole, board) : HandEvaluator.Evaluate(ranking, hole | board);
            return value > 0 ? HandEvaluator.Name(ranking, value) : new HandName(HandNameKind.NoLow, "");
        }

        try
        {
            return variant.LowRanking is { } low ? [Of(variant.HighRanking), Of(low)] : [Of(variant.HighRanking)];
        }
        catch (ArgumentException)
        {
            // Too few cards to rank (a hand that ended before the board was complete).
            return null;
        }
    }

    /// <summary>Counts the event, persists (the change is acknowledged only once stored), then tells the observers.</summary>
    private async Task Emit(TableEventKind kind, string description, HandResult? result = null)
    {
        State.EventSeq++;
        await Persist();

        if (observers.Count == 0)
        {
            return;
        }

        var tableEvent = new TableEvent(TableId, State.EventSeq, State.TableVersion, kind, description, BuildView(), BuildPrivateViews(), result);
        await observers.Notify(o => o.OnTableEvent(tableEvent));
    }

    /// <summary>Arms the single grain timer for the earliest thing due (turn clock, robot, next hand, hold, expiry).</summary>
    private void ArmTimer()
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is { } t && (next is null || t < next))
            {
                next = t;
            }
        }

        if (State.Status != TableStatus.Ended)
        {
            Consider(hand is not null ? State.RobotActsAt ?? State.Deadline : null);
            Consider(hand is not null && State.RobotActsAt is not null ? State.Deadline : null);
            Consider(hand is null && State.Status != TableStatus.Paused ? State.NextHandAt : null);
            Consider(State.Hold?.Until);
            Consider(State.ExpiresAt is { } e && Config.ExpiryWarning is { } w && !State.ExpiryWarned ? e - w : null);
            Consider(State.ExpiresAt);
            Consider(State.PendingTransfers.Count > 0 ? Now + RetryInterval : null);
        }

        Consider(State.PendingHistories.Count > 0 ? Now + RetryInterval : null);

        if (next is not { } due)
        {
            timer?.Dispose();
            timer = null;
            return;
        }

        // An armed timer that fires no later than needed is kept: when it fires early, OnTimer finds nothing due and
        // arms again. Most actions only push the turn clock further away, so they leave the timer as it is.
        if (timer is not null && timerDue <= due)
        {
            return;
        }

        timer?.Dispose();
        var delay = due - Now;
        timerDue = due;
        timer = this.RegisterGrainTimer(
            static (self, _) => self.OnTimer(),
            this,
            new GrainTimerCreationOptions { DueTime = delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Period = Timeout.InfiniteTimeSpan, Interleave = false, KeepAlive = true });
    }

    private async Task OnTimer()
    {
        timer?.Dispose();
        timer = null;
        try
        {
            await OnTick();
        }
        finally
        {
            ArmTimer();
        }
    }
}
