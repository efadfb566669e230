using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Robots;

/// <summary>
/// A simple robot player. It decides from what a seated player may see — its own cards, the public
/// <see cref="TableView"/> and its <see cref="LegalActions"/> — and only ever returns an action those allow.
/// Not thread-safe (it owns a <see cref="Random"/>); a table grain uses one per decision or per robot.
/// </summary>
public sealed class RobotStrategy(RobotStyle style, Random random)
{
    /// <summary>
    /// Robot player ids start here: above Telegram's user ids (at most 52 bits) and the guests' (from 9e15), and every id
    /// handed out stays below 2^53, so a browser's JSON reads it exactly. Robots seated before 2026-12 have ids from 8e18,
    /// which count as robots too.
    /// </summary>
    public const long RobotIdBase = 9_001_000_000_000_000L;

    /// <summary>How many bases <see cref="RobotId"/> spreads tables over (each holds 100 robots); keeps ids below 2^53.</summary>
    private const ulong RobotTableSlots = 60_000_000_000ul;

    private const string Ranks = "23456789TJQKA";

    private static readonly string[] Names =
    [
        "Ada", "Bashir", "Cyrus", "Dara", "Elif", "Farid", "Gita", "Hugo", "Iris", "Jalal", "Kian", "Leila",
        "Mina", "Nima", "Omid", "Parisa", "Reza", "Sara", "Taha", "Yara",
    ];

    private static int _instances;

    public RobotStrategy(RobotStyle style, int seed)
        : this(style, new Random(seed))
    {
    }

    public RobotStyle Style => style;

    /// <summary>A strategy for robot <paramref name="playerId"/>: its style is fixed by its id, its dice are fresh.</summary>
    public static RobotStrategy For(long playerId) =>
        new(StyleOf(playerId), new Random(HashCode.Combine(playerId, Interlocked.Increment(ref _instances))));

    /// <summary>The style robot <paramref name="playerId"/> plays with (stable).</summary>
    public static RobotStyle StyleOf(long playerId) => RobotStyle.Presets[(int)((ulong)playerId % (ulong)RobotStyle.Presets.Count)];

    /// <summary>The id of the <paramref name="index"/>th robot of a table (stable across processes).</summary>
    public static long RobotId(string tableId, int index)
    {
        ArgumentNullException.ThrowIfNull(tableId);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 99);
        var hash = 14695981039346656037ul;
        foreach (var c in tableId)
        {
            hash = (hash ^ c) * 1099511628211ul;
        }

        return RobotIdBase + ((long)(hash % RobotTableSlots) * 100) + index;
    }

    /// <summary>True for ids of robot players.</summary>
    public static bool IsRobot(long playerId) => playerId >= RobotIdBase;

    /// <summary>A display name for a robot, e.g. "Sara (bot)".</summary>
    public static string NameOf(long playerId) =>
        $"{Names[(int)((((ulong)playerId / 100) + ((ulong)playerId % 100)) % (ulong)Names.Length)]} (bot)";

    /// <summary>Chooses an action that <paramref name="legal"/> allows.</summary>
    /// <param name="ownCards">The robot's own cards ("As", "Td"); hidden ones of others are never passed.</param>
    /// <param name="view">The public table view.</param>
    /// <param name="legal">What the robot may do now.</param>
    public PlayerAction Decide(IReadOnlyList<string> ownCards, TableView view, LegalActions legal)
    {
        ArgumentNullException.ThrowIfNull(ownCards);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(legal);

        if (legal.DiscardMin is { } discardMin)
        {
            return Discard(ownCards, view.Variant, discardMin, legal.DiscardMax ?? discardMin);
        }

        var strength = Strength(ownCards, view.Board, view.Variant);
        var roll = random.NextDouble();
        var wantsToRaise = legal.CanBetOrRaise && roll < style.Aggression && strength > 0.75 - (0.35 * style.Aggression);

        if (legal.BringIn is not null)
        {
            return wantsToRaise ? RaiseTo(legal, strength) : new PlayerAction(ActionKind.BringIn, legal.BringIn.Value);
        }

        var facingBet = legal.CallAmount is > 0 && !legal.CanCheck;
        var playThreshold = 0.55 - (0.35 * style.Looseness);
        if (facingBet && legal.CanFold && strength < playThreshold && random.NextDouble() > 0.1)
        {
            return new PlayerAction(ActionKind.Fold);
        }

        if (wantsToRaise)
        {
            return RaiseTo(legal, strength);
        }

        if (legal.CanCheck)
        {
            return new PlayerAction(ActionKind.Check);
        }

        if (legal.CallAmount is not null)
        {
            return new PlayerAction(ActionKind.Call, legal.CallAmount.Value);
        }

        if (legal.CanFold)
        {
            return new PlayerAction(ActionKind.Fold);
        }

        if (legal.CanBetOrRaise)
        {
            return RaiseTo(legal, 0);
        }

        throw new InvalidOperationException("No legal action is offered.");
    }

    private PlayerAction RaiseTo(LegalActions legal, double strength)
    {
        var min = legal.MinRaiseTo;
        var max = Math.Max(legal.MinRaiseTo, legal.MaxRaiseTo);
        if (min >= legal.MaxRaiseTo)
        {
            return new PlayerAction(ActionKind.BetOrRaise, legal.MaxRaiseTo >= min ? min : legal.MaxRaiseTo);
        }

        // Mostly small raises; strong hands and aggressive robots size up, rarely to the maximum.
        var fraction = Math.Clamp(style.Aggression * strength * random.NextDouble() * 0.6, 0, 1);
        var amount = min + (long)Math.Round((max - min) * fraction);
        return new PlayerAction(ActionKind.BetOrRaise, Math.Clamp(amount, min, max));
    }

    private PlayerAction Discard(IReadOnlyList<string> ownCards, string variant, int min, int max)
    {
        var cards = ownCards.Where(c => c.Length == 2 && c != "??").ToList();
        max = Math.Min(max, cards.Count);
        min = Math.Min(min, max);

        // Worst cards first: duplicated ranks, then the highest ranks (the draw games here are lowball or badugi).
        var ordered = cards
            .Select((card, index) => (card, index, rank: LowRank(card[0], variant)))
            .OrderByDescending(c => cards.Take(c.index).Any(other => other[0] == c.card[0]) ? 1 : 0)
            .ThenByDescending(c => c.rank)
            .ToList();
        var wanted = ordered.Count(c => c.rank > 8 || cards.Take(c.index).Any(other => other[0] == c.card[0]));
        if (random.NextDouble() < style.Looseness * 0.3)
        {
            wanted++;
        }

        var count = Math.Clamp(wanted, min, max);
        return new PlayerAction(ActionKind.Discard, 0, ordered.Take(count).Select(c => c.card).ToList());
    }

    /// <summary>A rough 0..1 estimate of how good the robot's cards are for the variant.</summary>
    private static double Strength(IReadOnlyList<string> ownCards, IReadOnlyList<string> board, string variant)
    {
        var cards = ownCards.Where(c => c.Length == 2 && c != "??").ToList();
        if (cards.Count == 0)
        {
            return 0.5;
        }

        var high = HighStrength(cards, board);
        return variant switch
        {
            "FR" or "N2L1D" or "F2L3D" or "FB" => LowStrength(cards, variant),
            "FO/8" or "F7S/8" => Math.Max(high, LowStrength(cards, variant)),
            _ => high,
        };
    }

    private static double HighStrength(List<string> cards, IReadOnlyList<string> board)
    {
        var ranks = cards.Select(c => Ranks.IndexOf(c[0], StringComparison.Ordinal) + 2).OrderByDescending(r => r).ToList();
        var score = (ranks[0] + (ranks.Count > 1 ? ranks[1] : 2)) / 28.0 * 0.6;
        if (ranks.Distinct().Count() < ranks.Count)
        {
            score += 0.3;
        }

        if (cards.Select(c => c[1]).Distinct().Count() < cards.Count)
        {
            score += 0.05;
        }

        if (board.Any(b => b.Length == 2 && cards.Any(c => c[0] == b[0])))
        {
            score += 0.25;
        }

        return Math.Clamp(score, 0, 1);
    }

    private static double LowStrength(List<string> cards, string variant)
    {
        var ranks = cards.Select(c => LowRank(c[0], variant)).ToList();
        var lowest = ranks.Order().Take(Math.Min(5, ranks.Count)).ToList();
        var score = 1 - (lowest.Average() / 14.0);
        score -= 0.15 * (ranks.Count - ranks.Distinct().Count());
        return Math.Clamp(score, 0, 1);
    }

    /// <summary>Rank for low hands: ace is low except in 2-7 lowball.</summary>
    private static int LowRank(char rank, string variant)
    {
        var value = Ranks.IndexOf(rank, StringComparison.Ordinal) + 2;
        return value == 14 && variant is not ("N2L1D" or "F2L3D") ? 1 : value;
    }
}
