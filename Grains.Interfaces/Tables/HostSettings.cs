using System.Globalization;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// A host's view of their table's settings: those of the hand in play (<see cref="Current"/>), those stored for the
/// next hand (<see cref="Next"/>, null when nothing changes), and the limits a change must keep (from the template).
/// <see cref="BlindsChangeable"/> is false in fixed-limit and stud games, whose blinds go with their bets.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.host-settings.v1")]
public sealed record HostSettings(
    [property: Id(0)] TableSettings Current,
    [property: Id(1)] TableSettings? Next,
    [property: Id(2)] bool BlindsChangeable,
    [property: Id(3)] long MinBigBlind,
    [property: Id(4)] long MaxBigBlind,
    [property: Id(5)] TimeSpan MinTurnTime,
    [property: Id(6)] TimeSpan MaxTurnTime)
{
    /// <summary>
    /// The big blind and turn time a change asks for (null: as the next hand has it), checked against these limits:
    /// refused with <c>blinds_fixed</c> or <c>out_of_limits</c> (400). The table checks a change with it, and so do the
    /// gateway and the bot before the change's audit entry is written (bad input changes nothing, not even the log).
    /// </summary>
    public (long BigBlind, TimeSpan TurnTime) Check(long? bigBlind, TimeSpan? turnTime)
    {
        var next = Next ?? Current;
        var big = bigBlind ?? next.BigBlind;
        var turn = turnTime ?? next.TurnTime;
        if (big != Current.BigBlind && !BlindsChangeable)
        {
            throw new PokerException("blinds_fixed", "The blinds of this game go with its bets and cannot be changed");
        }

        if (BlindsChangeable && (big < MinBigBlind || big > MaxBigBlind))
        {
            throw new PokerException("out_of_limits", string.Create(CultureInfo.InvariantCulture, $"The big blind must be between {MinBigBlind} and {MaxBigBlind}"));
        }

        return turn < MinTurnTime || turn > MaxTurnTime || turn.Ticks % TimeSpan.TicksPerSecond != 0
            ? throw new PokerException("out_of_limits", string.Create(CultureInfo.InvariantCulture,
                $"The turn time must be whole seconds between {MinTurnTime.TotalSeconds:0} s and {MaxTurnTime.TotalSeconds:0} s"))
            : (big, turn);
    }
}
