using System.Numerics;
using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Evaluation;

namespace Orleans.Poker.Engine.Rules;

/// <summary>
/// One hand as a deterministic state machine of (configuration, deck, actions), mirroring PokerKit's <c>State</c>.
/// With a <see cref="Deck"/> the dealer is automatic (dealing, burning, showdown); without one the dealer's
/// actions (<see cref="ActionKind.DealHole"/>, <see cref="ActionKind.DealBoard"/>, show/muck) come explicitly, as in PHH.
/// Forced bets, bet collection and pot distribution are always automatic. Every action is validated before
/// anything changes: a refused action leaves the hand exactly as it was.
/// </summary>
public sealed partial class Hand
{
    private const int NoSeat = -1;
    private const ulong FullDeckMask = (1UL << 52) - 1;
    private const ulong ShortDeckMask = FullDeckMask & ~((1UL << 16) - 1);

    private readonly HandConfig config;
    private readonly Variant variant;
    private readonly IReadOnlyList<Street> streets;
    private readonly int n;
    private readonly Deck? deck;

    private readonly long[] starting;
    private readonly long[] stacks;
    private readonly long[] bets;
    private readonly long[] effectiveAntes;
    private readonly bool[] active;
    private readonly bool[] acted;
    private readonly int maxHole;
    private readonly Card[] hole;
    private readonly bool[] holeUp;
    private readonly int[] holeCount;
    private readonly bool[] pending;
    private readonly int[] pendingStart;
    private readonly int[] pendingCount;
    private readonly bool[] drawPending;
    private readonly Card[] board;
    private readonly int[] queue;
    private readonly int[] showdownQueue;
    private readonly long[] awarded;
    private readonly List<HandEvent> events;
    private readonly List<PlayerAction> log;

    private Card[] pile = [];
    private int pileCount;
    private int pilePosition;
    private ulong deckMask;
    private ulong reserveMask;
    private int reshuffles;

    private int boardCount;
    private int street = -1;
    private bool burnPending;
    private int boardPending;
    private int opener = NoSeat;
    private bool bringInStatus;
    private bool completionStatus;
    private int queueLength;
    private int showdownLength;
    private long raiseAmount;
    private long shortRaiseSum;
    private int raiseCount;
    private bool allInShow;
    private long rakeTaken;
    private Pot[] finalPots = [];
    private HandPhase phase;
    private bool reachedSecondStreet;

    /// <summary>The current betting round's minimum bet (fixed limit: its bet size), set when the round begins.</summary>
    private long streetMinimum;

    /// <summary>Bumped whenever any hole or board card changes (keys the showdown value cache).</summary>
    private int cardsVersion;

    /// <summary>The largest entry of <see cref="bets"/>, kept up to date wherever a bet changes.</summary>
    private long maxBet;

    /// <summary>How many seats are still dealt in (<see cref="active"/>).</summary>
    private int activeCount;

    /// <summary>Hole cards still to be dealt over all seats (sum of <see cref="pendingCount"/>).</summary>
    private int holePendingTotal;

    /// <summary>Seats that still have to draw (set entries of <see cref="drawPending"/>).</summary>
    private int drawPendingCount;

    /// <summary>Index of the last street with a draw, -1 when the variant has none.</summary>
    private readonly int lastDrawStreet = -1;

    /// <summary>Starts a hand. With a deck the dealer is automatic; without one dealer actions must be applied.</summary>
    public Hand(HandConfig config, Deck? deck = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problem = config.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(config));
        }

        this.config = config;
        variant = config.Variant;
        streets = variant.Streets;
        n = config.PlayerCount;
        this.deck = deck;
        starting = new long[n];
        stacks = new long[n];
        bets = new long[n];
        effectiveAntes = new long[n];
        active = new bool[n];
        acted = new bool[n];
        holeCount = new int[n];
        pendingStart = new int[n];
        pendingCount = new int[n];
        drawPending = new bool[n];
        queue = new int[n];
        showdownQueue = new int[n];
        awarded = new long[n];
        maxHole = Math.Max(variant.MaxHoleCards, 1);
        hole = new Card[n * maxHole];
        holeUp = new bool[n * maxHole];
        pending = new bool[n * maxHole * 2];
        var startingStacks = config.StartingStacks;
        for (var i = 0; i < n; i++)
        {
            starting[i] = startingStacks[i];
            stacks[i] = starting[i];
            active[i] = true;
        }

        activeCount = n;
        for (var s = 0; s < streets.Count; s++)
        {
            if (streets[s].Draw)
            {
                lastDrawStreet = s;
            }
        }

        // Sized so that a typical hand never grows them: forced bets, per street (start, burn, board, collection,
        // hole cards and about one action per seat), showdown and awards.
        var streetCount = streets.Count;
        events = new List<HandEvent>(16 + (streetCount * (4 + n)) + (n * (maxHole + 3)));
        log = new List<PlayerAction>(8 + (streetCount * (n + 2)));

        board = new Card[Math.Max(variant.MaxBoardCards, 1) + 2];
        deckMask = variant.DeckSize == 36 ? ShortDeckMask : FullDeckMask;

        if (deck is not null)
        {
            if (deck.Count != variant.DeckSize)
            {
                throw new ArgumentException($"{variant.Code} needs a {variant.DeckSize}-card deck, not {deck.Count}", nameof(deck));
            }

            // The deck's own order is read in place (never written); a reshuffle makes a new pile.
            pile = deck.Order;
            pileCount = deck.Count;
        }

        Begin();
    }

    public HandConfig Config => config;

    public Variant Variant => variant;

    public Deck? Deck => deck;

    /// <summary>True when the dealer is automatic (a deck was given).</summary>
    public bool AutoDealing => deck is not null;

    public int PlayerCount => n;

    public HandPhase Phase => phase;

    public bool IsOver => phase == HandPhase.Over;

    /// <summary>Index of the current street (0 = first), -1 before any dealing.</summary>
    public int StreetIndex => street;

    public Street? CurrentStreet => street >= 0 && street < streets.Count ? streets[street] : null;

    public IReadOnlyList<long> StartingStacks => starting;

    public IReadOnlyList<long> Stacks => stacks;

    /// <summary>Chips each seat has put in on the current street (not yet collected).</summary>
    public IReadOnlyList<long> Bets => bets;

    public bool IsFolded(int seat) => !active[seat];

    public bool IsAllIn(int seat) => active[seat] && stacks[seat] == 0;

    public IReadOnlyList<HandEvent> Events => events;

    /// <summary>Every accepted action in order (what serialization stores).</summary>
    public IReadOnlyList<PlayerAction> ActionLog => log;

    public int BoardCount => boardCount;

    public ReadOnlySpan<Card> Board => board.AsSpan(0, boardCount);

    public ReadOnlySpan<Card> HoleCards(int seat) => hole.AsSpan(seat * maxHole, holeCount[seat]);

    public bool IsHoleCardUp(int seat, int index) =>
        (uint)index < (uint)maxHole ? holeUp[(seat * maxHole) + index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Rake taken from the pots (when over).</summary>
    public long Rake => rakeTaken;

    /// <summary>The pots as they were paid (when over).</summary>
    public IReadOnlyList<Pot> FinalPots => finalPots;

    /// <summary>Chips each seat won from the pots (when over).</summary>
    public IReadOnlyList<long> Winnings => awarded;

    /// <summary>Net result per seat: stack now minus starting stack.</summary>
    public long Net(int seat) => stacks[seat] - starting[seat];

    /// <summary>Total of every chip put in so far (bets included).</summary>
    public long TotalPot
    {
        get
        {
            long total = 0;
            for (var i = 0; i < n; i++)
            {
                total += starting[i] - stacks[i];
            }

            return phase == HandPhase.Over ? 0 : total;
        }
    }

    /// <summary>The seat expected to act (player actions only), or null when the dealer or nobody acts.</summary>
    public int? Actor
    {
        get
        {
            switch (phase)
            {
                case HandPhase.Betting:
                    return queueLength > 0 ? queue[0] : null;
                case HandPhase.Drawing:
                    var drawer = FirstDrawer();
                    return drawer >= 0 ? drawer : null;
                case HandPhase.Showdown:
                    return showdownLength > 0 ? showdownQueue[0] : null;
                default:
                    return null;
            }
        }
    }

    /// <summary>Seats still dealt in (not folded or mucked).</summary>
    public int ActiveCount => activeCount;

    /// <summary>Seats dealt hole cards pending (dealer phase without a deck).</summary>
    public int PendingHoleCards(int seat) => pendingCount[seat];

    public int PendingBoardCards => boardPending;

    // ---------------------------------------------------------------- flow

    private void Begin()
    {
        for (var i = 0; i < n; i++)
        {
            var ante = config.Antes.Count == 0 ? 0 : config.Antes[n == 2 ? 1 - i : i];
            effectiveAntes[i] = Math.Min(ante, starting[i]);
        }

        for (var i = 0; i < n; i++)
        {
            var amount = effectiveAntes[i];
            if (amount > 0)
            {
                bets[i] = amount;
                stacks[i] -= amount;
                maxBet = Math.Max(maxBet, amount);
                Emit(HandEventKind.AntePosted, i, amount);
            }
        }

        CollectBets(config.AnteTrimming);

        for (var i = 0; i < n; i++)
        {
            var blind = config.BlindsOrStraddles.Count == 0 ? 0 : config.BlindsOrStraddles[n == 2 ? 1 - i : i];
            var amount = Math.Min(blind, starting[i] - effectiveAntes[i]);
            if (amount > 0)
            {
                bets[i] = amount;
                stacks[i] -= amount;
                maxBet = Math.Max(maxBet, amount);
                Emit(HandEventKind.BlindPosted, i, amount);
            }
        }

        BeginDealing();
    }

    private void BeginDealing()
    {
        street++;
        if (street >= 1)
        {
            reachedSecondStreet = true;
        }

        var current = streets[street];
        Emit(HandEventKind.StreetStarted, NoSeat, 0, index: street);
        burnPending = current.Burn;
        boardPending = current.BoardCards;
        var totalHole = 0;
        var ups = current.HoleCardsUp;
        var upCount = ups.Count;
        var draw = current.Draw;
        for (var i = 0; i < n; i++)
        {
            if (!active[i])
            {
                continue;
            }

            for (var k = 0; k < upCount; k++)
            {
                PushPending(i, ups[k]);
                totalHole++;
            }

            drawPending[i] = draw;
        }

        drawPendingCount = 0;
        for (var i = 0; i < n; i++)
        {
            if (drawPending[i])
            {
                drawPendingCount++;
            }
        }

        if (totalHole > DealableCount())
        {
            // Not enough cards for everybody: one community card instead (stud with many players).
            boardPending += current.HoleCardsUp.Count;
            for (var i = 0; i < n; i++)
            {
                pendingCount[i] = 0;
                pendingStart[i] = 0;
            }

            holePendingTotal = 0;
        }

        UpdateDealing();
    }

    private void UpdateDealing()
    {
        while (true)
        {
            var holePending = holePendingTotal > 0;
            var draws = drawPendingCount > 0;

            if (!burnPending && !holePending && boardPending == 0 && !draws)
            {
                BeginBetting();
                return;
            }

            if (draws)
            {
                phase = HandPhase.Drawing;
                return;
            }

            if (burnPending)
            {
                Burn();
                continue;
            }

            if (deck is null)
            {
                phase = HandPhase.Dealing;
                return;
            }

            if (holePending)
            {
                // Nothing else can become due while hole cards are dealt: deal them all, one card per event.
                do
                {
                    var dealee = HoleDealee();
                    var card = DrawFromPile();
                    var up = PopPending(dealee);
                    var index = holeCount[dealee]++;
                    hole[(dealee * maxHole) + index] = card;
                    holeUp[(dealee * maxHole) + index] = up;
                    events.Add(new HandEvent(HandEventKind.HoleCardsDealt, dealee, 0, new PackedCards(card.Index, 1), up ? 1 : 0, 0));
                }
                while (holePendingTotal > 0);

                cardsVersion++;
                continue;
            }

            var packed = PackedCards.Empty;
            while (boardPending > 0)
            {
                var card = DrawFromPile();
                board[boardCount++] = card;
                cardsVersion++;
                packed = packed.Add(card);
                boardPending--;
            }

            Emit(HandEventKind.BoardDealt, NoSeat, 0, packed, (1 << packed.Count) - 1);
        }
    }

    private int HoleDealee()
    {
        var best = NoSeat;
        for (var i = 0; i < n; i++)
        {
            if (pendingCount[i] > 0 && (best < 0 || pendingCount[i] > pendingCount[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private void Burn()
    {
        burnPending = false;
        if (deck is null)
        {
            Emit(HandEventKind.CardBurnt, NoSeat, 0, PackedCards.Empty.Add(Card.Unknown));
            return;
        }

        var card = DrawFromPile();
        reserveMask |= card.Mask;
        Emit(HandEventKind.CardBurnt, NoSeat, 0, PackedCards.Empty.Add(card));
    }

    private void BeginBetting()
    {
        phase = HandPhase.Betting;
        streetMinimum = StreetMinimum();
        opener = ComputeOpener(streets[street].Opening);
        bringInStatus = street == 0 && config.BringIn > 0;
        completionStatus = bringInStatus;
        raiseAmount = 0;
        shortRaiseSum = 0;
        raiseCount = 0;
        queueLength = 0;
        Array.Clear(acted);
        TopTwoTotals(out _, out var second);
        for (int k = 0, i = opener; k < n; k++, i = i + 1 == n ? 0 : i + 1)
        {
            if (active[i] && stacks[i] > 0 && Math.Min(stacks[i], Math.Max(0, second - bets[i])) > 0)
            {
                queue[queueLength++] = i;
            }
        }

        if (queueLength == 1 && bets[queue[0]] >= MaxBet())
        {
            EndBetting();
            return;
        }

        UpdateBetting();
    }

    private void UpdateBetting()
    {
        if (queueLength == 0 || ActiveCount <= 1)
        {
            EndBetting();
        }
    }

    private void EndBetting()
    {
        queueLength = 0;
        if (activeCount > 1)
        {
            if (lastDrawStreet <= street)
            {
                var withChips = 0;
                for (var i = 0; i < n; i++)
                {
                    if (active[i] && stacks[i] > 0)
                    {
                        withChips++;
                    }
                }

                if (withChips <= 1)
                {
                    allInShow = true;
                }
            }
        }

        if (street == streets.Count - 1)
        {
            for (var i = 0; i < n; i++)
            {
                if (stacks[i] == 0)
                {
                    allInShow = true;
                }
            }
        }

        CollectBets(true);

        if (ActiveCount == 1)
        {
            Finish();
        }
        else if (street == streets.Count - 1 || allInShow)
        {
            BeginShowdown();
        }
        else
        {
            BeginDealing();
        }
    }

    /// <summary>Bets above the second largest go back (uncalled); the rest joins the pot.</summary>
    private void CollectBets(bool trim)
    {
        var any = false;
        long first = 0;
        long second = 0;
        for (var i = 0; i < n; i++)
        {
            var bet = bets[i];
            any |= bet > 0;
            if (bet > first)
            {
                second = first;
                first = bet;
            }
            else if (bet > second)
            {
                second = bet;
            }
        }

        if (!any)
        {
            return;
        }

        for (var i = 0; i < n; i++)
        {
            if (trim && bets[i] > second)
            {
                var excess = bets[i] - second;
                stacks[i] += excess;
                Emit(HandEventKind.UncalledBetReturned, i, excess);
            }

            bets[i] = 0;
        }

        maxBet = 0;
        Emit(HandEventKind.BetsCollected, NoSeat, 0);
    }

    private void BeginShowdown()
    {
        phase = HandPhase.Showdown;
        showdownPots = null;
        showdownLength = 0;
        var start = opener >= 0 ? opener : 0;
        for (int k = 0, i = start; k < n; k++, i = i + 1 == n ? 0 : i + 1)
        {
            if (active[i] && !AllUp(i))
            {
                showdownQueue[showdownLength++] = i;
            }
        }

        UpdateShowdown();
    }

    private void UpdateShowdown()
    {
        if (deck is not null)
        {
            while (showdownLength > 0)
            {
                var seat = showdownQueue[0];
                if (allInShow || CanWinNow(seat))
                {
                    DoShow(seat, default);
                }
                else
                {
                    DoMuck(seat);
                }
            }
        }

        if (showdownLength == 0)
        {
            if (allInShow && street != streets.Count - 1)
            {
                BeginDealing();
            }
            else
            {
                Finish();
            }
        }
    }

    private bool AllUp(int seat)
    {
        for (var k = 0; k < holeCount[seat]; k++)
        {
            if (!holeUp[(seat * maxHole) + k])
            {
                return false;
            }
        }

        return true;
    }

    private int FirstDrawer()
    {
        for (var i = 0; i < n; i++)
        {
            if (drawPending[i])
            {
                return i;
            }
        }

        return NoSeat;
    }

    // ---------------------------------------------------------------- betting helpers

    private long MaxBet() => maxBet;

    /// <summary>The largest and second largest bet plus stack among seats dealt in (-1 when missing).</summary>
    private void TopTwoTotals(out long first, out long second)
    {
        first = -1;
        second = -1;
        for (var i = 0; i < n; i++)
        {
            if (!active[i])
            {
                continue;
            }

            var total = bets[i] + stacks[i];
            if (total > first)
            {
                second = first;
                first = total;
            }
            else if (total > second)
            {
                second = total;
            }
        }
    }

    private long StreetMinimum()
    {
        if (variant.Betting == BettingStructure.FixedLimit)
        {
            return streets[street].BigBet ? config.BigBet : config.SmallBet;
        }

        return config.MinBet;
    }

    private long FullRaiseIncrement() => Math.Max(raiseAmount, streetMinimum);

    private long MinRaiseTo(int seat)
    {
        var amount = FullRaiseIncrement();
        if (!completionStatus)
        {
            amount += MaxBet();
        }

        return Math.Min(stacks[seat] + bets[seat], amount);
    }

    private long MaxRaiseTo(int seat)
    {
        var all = stacks[seat] + bets[seat];
        switch (variant.Betting)
        {
            case BettingStructure.FixedLimit:
                return MinRaiseTo(seat);
            case BettingStructure.PotLimit:
                long pot = 0;
                for (var i = 0; i < n; i++)
                {
                    pot += starting[i] - stacks[i];
                }

                return Math.Min(all, Math.Max(MinRaiseTo(seat), (2 * MaxBet()) - bets[seat] + pot));
            default:
                return all;
        }
    }

    /// <summary>Whether the seat may complete, bet or raise now (no allocation).</summary>
    private bool CanRaise(int seat)
    {
        if (variant.MaxBetsPerStreet > 0 && raiseCount >= variant.MaxBetsPerStreet)
        {
            return false;
        }

        var max = MaxBet();
        if (stacks[seat] <= max - bets[seat] || acted[seat])
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            if (i != seat && active[i] && stacks[i] + bets[i] > max)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Null when the seat may complete, bet or raise now; else why not.</summary>
    private EngineError? RaiseRefusal(int seat)
    {
        if (CanRaise(seat))
        {
            return null;
        }

        if (variant.MaxBetsPerStreet > 0 && raiseCount >= variant.MaxBetsPerStreet)
        {
            return new EngineError(EngineErrorCode.BetCapReached, $"the betting is capped at {variant.MaxBetsPerStreet} bets this street; call or fold");
        }

        var max = MaxBet();
        if (stacks[seat] <= max - bets[seat])
        {
            return new EngineError(EngineErrorCode.CannotBetOrRaise, $"p{seat + 1} has {stacks[seat]} behind, not more than the {max - bets[seat]} to call; call or fold");
        }

        var contested = false;
        for (var i = 0; i < n; i++)
        {
            if (i != seat && active[i] && stacks[i] + bets[i] > max)
            {
                contested = true;
                break;
            }
        }

        if (!contested)
        {
            return new EngineError(EngineErrorCode.CannotBetOrRaise, "every other player has folded or is all-in; call or check");
        }

        if (acted[seat])
        {
            return new EngineError(EngineErrorCode.CannotBetOrRaise, $"an all-in raise of less than a full raise ({raiseAmount}) does not reopen the betting for p{seat + 1}; call or fold");
        }

        return null;
    }

    private int ComputeOpener(Opening opening)
    {
        switch (opening)
        {
            case Opening.Position:
                var best = 0;
                for (var i = 1; i < n; i++)
                {
                    if (bets[i] >= bets[best])
                    {
                        best = i;
                    }
                }

                return (best + 1) % n;
            case Opening.LowCard:
            case Opening.HighCard:
                var seat = NoSeat;
                var bestKey = 0;
                for (var i = 0; i < n; i++)
                {
                    for (var k = 0; k < holeCount[i]; k++)
                    {
                        if (!holeUp[(i * maxHole) + k] || !hole[(i * maxHole) + k].IsKnown)
                        {
                            continue;
                        }

                        var card = hole[(i * maxHole) + k];
                        var key = opening == Opening.LowCard
                            ? -(card.Rank * 4 + card.Suit)
                            : (((card.Rank + 1) % 13) * 4) + card.Suit;
                        if (seat < 0 || key > bestKey)
                        {
                            seat = i;
                            bestKey = key;
                        }
                    }
                }

                return seat < 0 ? 0 : seat;
            default:
                var chosen = NoSeat;
                long chosenKey = 0;
                var low = opening == Opening.LowHand;
                for (var i = 0; i < n; i++)
                {
                    if (!active[i])
                    {
                        continue;
                    }

                    var key = UpHandKey(i, low);
                    if (key < 0)
                    {
                        continue;
                    }

                    if (low)
                    {
                        key = -key;
                    }

                    if (chosen < 0 || key > chosenKey)
                    {
                        chosen = i;
                        chosenKey = key;
                    }
                }

                return chosen < 0 ? 0 : chosen;
        }
    }

    /// <summary>Strength of the up cards alone (pairs, trips...; no straights or flushes), aces low when <paramref name="acesLow"/>.</summary>
    private long UpHandKey(int seat, bool acesLow)
    {
        Span<int> counts = stackalloc int[13];
        var cards = 0;
        for (var k = 0; k < holeCount[seat]; k++)
        {
            if (holeUp[(seat * maxHole) + k] && hole[(seat * maxHole) + k].IsKnown)
            {
                var rank = hole[(seat * maxHole) + k].Rank;
                counts[acesLow ? (rank + 1) % 13 : rank]++;
                cards++;
            }
        }

        if (cards == 0)
        {
            return -1;
        }

        var maxCount = 0;
        var pairs = 0;
        for (var r = 0; r < 13; r++)
        {
            maxCount = Math.Max(maxCount, counts[r]);
            if (counts[r] == 2)
            {
                pairs++;
            }
        }

        var category = maxCount switch
        {
            4 => 4,
            3 => 3,
            2 => pairs >= 2 ? 2 : 1,
            _ => 0,
        };
        long key = category;
        for (var count = 4; count >= 1; count--)
        {
            for (var r = 12; r >= 0; r--)
            {
                if (counts[r] == count)
                {
                    for (var c = 0; c < count; c++)
                    {
                        key = (key * 16) + r + 1;
                    }
                }
            }
        }

        for (var pad = cards; pad < 8; pad++)
        {
            key *= 16;
        }

        return key;
    }

    // ---------------------------------------------------------------- cards

    private void PushPending(int seat, bool up)
    {
        var offset = seat * maxHole * 2;
        if (pendingStart[seat] + pendingCount[seat] >= maxHole * 2)
        {
            Array.Copy(pending, offset + pendingStart[seat], pending, offset, pendingCount[seat]);
            pendingStart[seat] = 0;
        }

        pending[offset + pendingStart[seat] + pendingCount[seat]] = up;
        pendingCount[seat]++;
        holePendingTotal++;
    }

    private bool PopPending(int seat)
    {
        var up = pending[(seat * maxHole * 2) + pendingStart[seat]];
        pendingStart[seat]++;
        pendingCount[seat]--;
        holePendingTotal--;
        if (pendingCount[seat] == 0)
        {
            pendingStart[seat] = 0;
        }

        return up;
    }

    private int DealableCount() => BitOperations.PopCount(deckMask) + BitOperations.PopCount(reserveMask);

    private Card DrawFromPile()
    {
        if (pilePosition >= pileCount)
        {
            Reshuffle();
        }

        var card = pile[pilePosition++];
        deckMask &= ~card.Mask;
        reserveMask &= ~card.Mask;
        return card;
    }

    private void Reshuffle()
    {
        var cards = new List<Card>();
        for (var i = 0; i < 52; i++)
        {
            if ((reserveMask & (1UL << i)) != 0)
            {
                cards.Add(new Card((byte)i));
            }
        }

        if (cards.Count == 0)
        {
            throw new InvalidOperationException("the deck and the muck are empty");
        }

        var state = (deck!.ReshuffleKey ^ (0x9E3779B97F4A7C15UL * (ulong)(reshuffles + 1))) | 1;
        for (var i = cards.Count - 1; i > 0; i--)
        {
            state = SplitMix(state);
            var j = (int)(state % (ulong)(i + 1));
            (cards[i], cards[j]) = (cards[j], cards[i]);
        }

        reshuffles++;
        pile = new Card[cards.Count];
        cards.CopyTo(pile);
        pileCount = cards.Count;
        pilePosition = 0;
        deckMask |= reserveMask;
        reserveMask = 0;
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>PokerKit's card bookkeeping for explicitly dealt cards (unknown cards leave the deck untouched).</summary>
    private void ConsumeExplicit(PackedCards cards)
    {
        ulong known = 0;
        var unknown = false;
        for (var k = 0; k < cards.Count; k++)
        {
            var card = cards[k];
            if (card.IsKnown)
            {
                known |= card.Mask;
            }
            else
            {
                unknown = true;
            }
        }

        if ((deckMask & ~known) == 0 && ((known & ~deckMask) != 0 || unknown))
        {
            deckMask |= reserveMask;
            reserveMask = 0;
        }

        deckMask &= ~known;
        reserveMask &= ~known;
    }

    private ulong KnownHoleMask(int seat)
    {
        ulong mask = 0;
        for (var k = 0; k < holeCount[seat]; k++)
        {
            mask |= hole[(seat * maxHole) + k].Mask;
        }

        return mask;
    }

    private void MuckHole(int seat)
    {
        if (active[seat])
        {
            active[seat] = false;
            activeCount--;
        }

        reserveMask |= KnownHoleMask(seat);
        holeCount[seat] = 0;
        cardsVersion++;
    }

    private void Emit(HandEventKind kind, int seat, long amount, PackedCards cards = default, int upMask = 0, int index = 0) =>
        events.Add(new HandEvent(kind, seat, amount, cards, upMask, index));
}
