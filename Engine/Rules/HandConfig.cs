namespace Orleans.Poker.Engine.Rules;

/// <summary>
/// Everything that fixes the rules of one hand. Seat 0 is the first player left of the button (PHH <c>p1</c>),
/// the last seat is the button; heads-up the forced-bet arrays apply reversed as in PHH/PokerKit.
/// </summary>
public sealed record HandConfig
{
    public required Variant Variant { get; init; }

    public required IReadOnlyList<long> StartingStacks { get; init; }

    /// <summary>Antes per seat (empty = none).</summary>
    public IReadOnlyList<long> Antes { get; init; } = [];

    /// <summary>Blinds or straddles per seat (empty = none).</summary>
    public IReadOnlyList<long> BlindsOrStraddles { get; init; } = [];

    public long BringIn { get; init; }

    /// <summary>Fixed limit: small bet.</summary>
    public long SmallBet { get; init; }

    /// <summary>Fixed limit: big bet.</summary>
    public long BigBet { get; init; }

    /// <summary>No-limit / pot-limit: minimum bet.</summary>
    public long MinBet { get; init; }

    /// <summary>PHH <c>ante_trimming_status</c>: true = antes count like bets for side pots.</summary>
    public bool AnteTrimming { get; init; }

    public RakeRule Rake { get; init; } = RakeRule.None;

    public int PlayerCount => StartingStacks.Count;

    /// <summary>A no-limit hold'em hand with blinds (and an optional uniform ante).</summary>
    public static HandConfig NoLimitHoldem(IReadOnlyList<long> stacks, long smallBlind, long bigBlind, long ante = 0, RakeRule? rake = null)
    {
        var blinds = new long[stacks.Count];
        blinds[0] = smallBlind;
        blinds[1] = bigBlind;
        var antes = new long[stacks.Count];
        Array.Fill(antes, ante);
        return new HandConfig
        {
            Variant = Variants.NoLimitHoldem,
            StartingStacks = stacks,
            Antes = antes,
            BlindsOrStraddles = blinds,
            MinBet = bigBlind,
            AnteTrimming = true,
            Rake = rake ?? RakeRule.None,
        };
    }

    /// <summary>Checks the numbers; returns an error text or null.</summary>
    public string? Validate()
    {
        var n = PlayerCount;
        if (n < 2)
        {
            return "at least two players are needed";
        }

        if (Antes.Count != 0 && Antes.Count != n)
        {
            return $"antes has {Antes.Count} entries for {n} players";
        }

        if (BlindsOrStraddles.Count != 0 && BlindsOrStraddles.Count != n)
        {
            return $"blinds_or_straddles has {BlindsOrStraddles.Count} entries for {n} players";
        }

        for (var i = 0; i < n; i++)
        {
            if (StartingStacks[i] <= 0)
            {
                return "every starting stack must be positive";
            }
        }

        var anyForced = BringIn > 0;
        for (var i = 0; i < Antes.Count; i++)
        {
            anyForced |= Antes[i] > 0;
            if (Antes[i] < 0)
            {
                return "forced bets cannot be negative";
            }
        }

        for (var i = 0; i < BlindsOrStraddles.Count; i++)
        {
            anyForced |= BlindsOrStraddles[i] > 0;
            if (BlindsOrStraddles[i] < 0)
            {
                return "forced bets cannot be negative";
            }
        }

        if (BringIn < 0)
        {
            return "forced bets cannot be negative";
        }

        if (Variant.Betting == BettingStructure.FixedLimit)
        {
            if (SmallBet <= 0 || BigBet <= 0)
            {
                return "fixed limit needs positive small_bet and big_bet";
            }
        }
        else if (MinBet <= 0)
        {
            return "no-limit and pot-limit need a positive min_bet";
        }

        if (Variant.UsesBringIn && BringIn >= SmallBet)
        {
            return "the bring-in must be less than the small bet";
        }

        if (!anyForced)
        {
            return "no antes, blinds, straddles or bring-in";
        }

        if (Rake.BasisPoints < 0 || Rake.BasisPoints > 10000 || Rake.Cap < 0)
        {
            return "rake must be 0..10000 basis points with a non-negative cap";
        }

        return null;
    }
}
