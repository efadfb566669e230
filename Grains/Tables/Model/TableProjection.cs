using System.Globalization;
using Orleans.Poker.Engine.Evaluation;
using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;
using SeatView = Orleans.Poker.Grains.Interfaces.Tables.SeatView;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>
/// What a table shows: its lobby summary, the public view (every face-down card is <c>??</c>), each player's private
/// view, a finished hand's result and its history as PHH.
/// </summary>
public static class TableProjection
{
    public static TableSummary Summary(TableState state, string tableId)
    {
        var config = state.Config!;
        var stakes = SitAndGo.StakesOf(state);
        return new()
        {
            TableId = tableId,
            Name = state.Name,
            Variant = config.Variant,
            TemplateId = state.TemplateId,
            TemplateVersion = state.TemplateVersion,
            Status = state.Status,
            Type = config.Type,
            SmallBlind = stakes.SmallBlind,
            BigBlind = stakes.BigBlind,
            Ante = stakes.Ante,
            BringIn = stakes.BringIn,
            SmallBet = stakes.SmallBet,
            BigBet = stakes.BigBet,
            SeatsTaken = state.Seats.Count(s => s is not null),
            MaxPlayers = config.MaxPlayers,
            WaitlistLength = state.WaitlistLength,
            IsPrivate = state.InviteCode is not null,
            ExpiresAt = state.ExpiresAt,
            MinBuyIn = config.MinBuyIn,
            MaxBuyIn = config.MaxBuyIn,
            HandNo = state.HandNo,
            Timeouts = state.Timeouts,
            CreatedBy = state.CreatedBy,
            SeatsHeld = state.Hold is null ? 0 : 1,
        };
    }

    /// <summary>The public view. <see cref="TableView.TurnId"/> is the grain's turn id (0 when nobody is to act).</summary>
    public static TableView View(TableState state, Hand? hand, string tableId)
    {
        var config = state.Config!;
        var stakes = SitAndGo.StakesOf(state);
        var seats = new SeatView[state.Seats.Length];
        var shown = ShownSeats(hand);
        var lastActions = LastActions(hand);
        for (var i = 0; i < seats.Length; i++)
        {
            var seat = state.Seats[i];
            var handSeat = Seating.HandSeatOf(state, hand, i);
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

            seats[i] = new SeatView
            {
                Seat = i,
                PlayerId = seat?.PlayerId,
                Name = seat?.Name,
                Stack = Seating.StackOf(state, hand, i),
                SittingOut = seat?.SittingOut ?? false,
                IsRobot = seat?.IsRobot ?? false,
                HeldFor = state.Hold?.Seat == i ? state.Hold.PlayerId : null,
                HeldUntil = state.Hold?.Seat == i ? state.Hold.Until : null,
                InHand = inHand,
                Bet = inHand ? hand!.Bets[h] : 0,
                Folded = inHand && hand!.IsFolded(h),
                AllIn = inHand && hand!.IsAllIn(h),
                Cards = visible,
                LastAction = inHand ? lastActions[h] : null,
                TimeBankSeconds = (int)(seat?.TimeBank.TotalSeconds ?? 0),
            };
        }

        return new TableView
        {
            TableId = tableId,
            Name = state.Name,
            Variant = config.Variant,
            Status = state.Status,
            HandNo = state.HandNo,
            ButtonSeat = state.ButtonSeat >= 0 ? state.ButtonSeat : null,
            Seats = seats,
            Board = hand is null ? [] : WireMapping.Strings(hand.Board),
            Pots = hand is null ? [] : hand.CurrentPots().Select(p => new PotView(p.Amount, p.Eligible.Select(e => state.HandSeats[e]).ToArray())).ToArray(),
            ActorSeat = hand?.Actor is int a ? state.HandSeats[a] : null,
            Deadline = hand?.Actor is not null ? state.Deadline : null,
            OnTimeBank = hand?.Actor is not null && state.TimeBankFrom is not null,
            Street = hand?.StreetIndex ?? 0,
            SmallBlind = stakes.SmallBlind,
            BigBlind = stakes.BigBlind,
            Ante = stakes.Ante,
            MaxPlayers = config.MaxPlayers,
            MinBuyIn = config.MinBuyIn,
            MaxBuyIn = config.MaxBuyIn,
            ExpiresAt = state.ExpiresAt,
            NextHandAt = state.NextHandAt,
            TemplateId = state.TemplateId,
            Type = config.Type,
            LastResult = state.LastResult,
            TurnId = hand?.Actor is null ? 0 : state.TurnId,
            WaitlistLength = state.WaitlistLength,
            HostId = HostControls.HostOf(state),
            NextSettings = state.PendingSettings,
            Maintenance = state.Maintenance,
        };
    }

    /// <summary>Each player in the hand: their own cards, and their legal actions on their turn.</summary>
    public static List<PrivateView> PrivateViews(TableState state, Hand? hand)
    {
        var views = new List<PrivateView>();
        if (hand is null)
        {
            return views;
        }

        var actor = hand.Actor;
        for (var h = 0; h < state.HandSeats.Length; h++)
        {
            var seat = state.Seats[state.HandSeats[h]]!;
            var legal = actor == h ? WireMapping.ToWire(hand.GetLegalActions()) : null;
            views.Add(new PrivateView(seat.PlayerId, state.HandSeats[h], WireMapping.Strings(hand.HoleCards(h)), legal, seat.PreAction?.Choice));
        }

        return views;
    }

    /// <summary>A finished hand's pots: who won how much, with the cards and hand names of those who showed.</summary>
    public static HandResult Result(TableState state, Hand done, string tableId)
    {
        var shown = ShownSeats(done);
        var awards = new List<PotAward>();
        foreach (var e in done.Events)
        {
            if (e.Kind != HandEventKind.PotAwarded)
            {
                continue;
            }

            var seat = state.Seats[state.HandSeats[e.Seat]]!;
            var cards = shown[e.Seat] ? WireMapping.Strings(done.HoleCards(e.Seat)) : [];
            var names = shown[e.Seat] ? NameHand(done, e.Seat) : null;
            var text = names is null ? null : string.Join(" / ", names.Select(HandEvaluator.English));
            awards.Add(new PotAward(state.HandSeats[e.Seat], seat.PlayerId, e.Amount, text, cards, names?.Select(WireMapping.ToWire).ToList()));
        }

        return new HandResult(state.HandNo, awards, WireMapping.Strings(done.Board), done.Rake, $"{tableId}:{state.HandNo}");
    }

    /// <summary>The stored row of a finished hand, with its PHH and each player's net from it.</summary>
    public static HandRecord History(TableState state, Hand done, string tableId, DateTimeOffset now)
    {
        var phh = Phh(state, done, now);
        return new(
            tableId,
            state.HandNo,
            state.Config!.Variant,
            state.HandStartedAt ?? now,
            now,
            state.HandSeats.Select(s => state.Seats[s]!.PlayerId).ToArray(),
            done.Winnings.Sum() + done.Rake,
            done.Rake,
            phh.ToToml(),
            HandPlayerResult.Nets(phh));
    }

    /// <summary>People and robots seated, for the silo's gauges.</summary>
    public static (int Humans, int Robots) Headcount(TableState state)
    {
        int humans = 0, robots = 0;
        foreach (var seat in state.Seats)
        {
            if (seat is not null)
            {
                _ = seat.IsRobot ? robots++ : humans++;
            }
        }

        return (humans, robots);
    }

    /// <summary>The hand as PHH with the standard's optional descriptive fields filled in.</summary>
    private static PhhDocument Phh(TableState state, Hand done, DateTimeOffset now)
    {
        var document = done.ToPhhDocument();
        var started = state.HandStartedAt ?? now;
        document.Extra["table"] = state.Name;
        document.Extra["hand"] = state.HandNo;
        document.Extra["players"] = state.HandSeats.Select(s => (object)state.Seats[s]!.Name).ToList();
        document.Extra["seats"] = state.HandSeats.Select(s => (object)(long)(s + 1)).ToList();
        document.Extra["seat_count"] = (long)state.Seats.Length;
        document.Extra["day"] = (long)started.Day;
        document.Extra["month"] = (long)started.Month;
        document.Extra["year"] = (long)started.Year;
        document.Extra["time"] = new TimeOnly(started.UtcDateTime.Hour, started.UtcDateTime.Minute, started.UtcDateTime.Second);
        document.Extra["time_zone"] = "UTC";

        // Play money has no ISO 4217 currency, so none is named; the export records the rake as `_rake` itself.
        return document;
    }

    /// <summary>
    /// What each of the hand's seats did last this street, as a word the clients put in their language, then the chips:
    /// <c>Fold</c>, <c>Check</c>, <c>Call 20</c>, <c>Bet 60</c>, <c>Raise 60</c> (to, the street's total),
    /// <c>Discard 2</c>, <c>StandPat</c>; null before it acted. The blinds or a bring-in make the first bet a raise.
    /// </summary>
    private static string?[] LastActions(Hand? hand)
    {
        if (hand is null)
        {
            return [];
        }

        var last = new string?[hand.PlayerCount];
        var opened = false;
        foreach (var e in hand.Events)
        {
            switch (e.Kind)
            {
                case HandEventKind.StreetStarted:
                    Array.Clear(last);
                    opened &= e.Index == 0;
                    break;
                case HandEventKind.BlindPosted or HandEventKind.BringInPosted:
                    opened |= e.Amount > 0;
                    break;
                case HandEventKind.Folded:
                    last[e.Seat] = "Fold";
                    break;
                case HandEventKind.Checked:
                    last[e.Seat] = "Check";
                    break;
                case HandEventKind.Called:
                    last[e.Seat] = string.Create(CultureInfo.InvariantCulture, $"Call {e.Amount}");
                    break;
                case HandEventKind.BetOrRaisedTo:
                    last[e.Seat] = string.Create(CultureInfo.InvariantCulture, $"{(opened ? "Raise" : "Bet")} {e.Amount}");
                    opened = true;
                    break;
                case HandEventKind.Discarded:
                    last[e.Seat] = string.Create(CultureInfo.InvariantCulture, $"Discard {e.Amount}");
                    break;
                case HandEventKind.StoodPat:
                    last[e.Seat] = "StandPat";
                    break;
            }
        }

        return last;
    }

    private static bool[] ShownSeats(Hand? hand)
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
}
