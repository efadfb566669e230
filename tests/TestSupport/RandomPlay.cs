using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.TestSupport;

/// <summary>Random actions and refusable calls for the chip-conservation runs: a refusal must change nothing.</summary>
public static class RandomPlay
{
    /// <summary>
    /// A quarter raises to a random legal amount, a tenth raises above the stack (must be refused), some folds, else
    /// check or call.
    /// </summary>
    public static PlayerAction Chaotic(Random random, LegalActions legal)
    {
        var roll = random.Next(100);
        if (legal.CanBetOrRaise && roll < 25)
        {
            return new PlayerAction(ActionKind.BetOrRaise, random.NextInt64(legal.MinRaiseTo, legal.MaxRaiseTo + 1));
        }

        if (roll < 35)
        {
            // Sometimes an illegal amount: it must be refused and change nothing.
            return new PlayerAction(ActionKind.BetOrRaise, legal.MaxRaiseTo + 1 + random.Next(100));
        }

        if (legal.CanFold && roll < 50)
        {
            return new PlayerAction(ActionKind.Fold);
        }

        return legal.CanCheck ? new PlayerAction(ActionKind.Check) : new PlayerAction(ActionKind.Call);
    }

    /// <summary>Mostly calls and checks, some folds, min-raises and (rarely) all-ins: side pots and busts happen.</summary>
    public static PlayerAction MostlyCalls(Random random, LegalActions legal)
    {
        var roll = random.Next(100);
        if (legal.CanBetOrRaise && roll < 3)
        {
            return new PlayerAction(ActionKind.BetOrRaise, legal.MaxRaiseTo);
        }

        if (legal.CanBetOrRaise && roll < 20)
        {
            return new PlayerAction(ActionKind.BetOrRaise, legal.MinRaiseTo);
        }

        if (legal.CanFold && roll < 35)
        {
            return new PlayerAction(ActionKind.Fold);
        }

        return legal.CanCheck ? new PlayerAction(ActionKind.Check) : new PlayerAction(ActionKind.Call);
    }

    /// <summary>Makes <paramref name="call"/>; a refusal (<see cref="PokerException"/>) is ignored: the totals checked afterwards prove it changed nothing.</summary>
    public static async Task Refusable(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (PokerException)
        {
            // A refusal changes nothing (a timer may have moved the turn on).
        }
    }
}
