using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Robots;

namespace Orleans.Poker.Grains.Pings;

/// <summary>
/// Who is pinged for one table's turns, and when: the player to act, when nobody holds them at the table (no hub
/// connection, not playing it from the bot chat), their clock still runs, the bot may write to them (a Telegram player
/// who started the bot: <see cref="PlayerProfile.CanMessage"/>; never guests or robots) and they have not turned pings
/// off. Each turn (table, hand, turn id) is pinged at most once, a notice older than the last one changes nothing, and
/// the open ping is reported passed as soon as the turn moves on.
/// </summary>
public sealed class TurnPings
{
    private long lastSeq = -1;
    private TurnRef? lastTurn;

    /// <summary>The ping whose turn is still being played, if any.</summary>
    public TurnPing? Open { get; private set; }

    /// <summary>What a notice asks for: the ping whose turn it ended (to edit), and whether to look the player up.</summary>
    public readonly record struct Step(TurnPing? Passed, bool AskPlayer);

    /// <summary>
    /// Takes the table's notice: the open ping of another turn has passed; a new turn of a person nobody holds at the
    /// table, with time left, is worth asking the player's grain about (<see cref="Decide"/>).
    /// </summary>
    public Step Notice(TurnNotice notice, bool present, DateTimeOffset now)
    {
        if (notice.EventSeq <= lastSeq)
        {
            return default;
        }

        lastSeq = notice.EventSeq;
        TurnPing? passed = null;
        if (Open is { } open && open.Turn != notice.Turn)
        {
            passed = open;
            Open = null;
        }

        var newTurn = notice.Turn is not null && notice.Turn != lastTurn;
        lastTurn = notice.Turn;
        var ask = newTurn && notice.PlayerId is { } playerId && !RobotStrategy.IsRobot(playerId) && !present && notice.Deadline > now;
        return new Step(passed, ask);
    }

    /// <summary>
    /// The ping to send for <paramref name="notice"/> once the player is known, or null: the notice is no longer the
    /// latest, the clock ran out meanwhile, the bot may not write to them, or they turned pings off.
    /// </summary>
    public TurnPing? Decide(TurnNotice notice, PlayerProfile profile, PlayerSettings settings, DateTimeOffset now)
    {
        if (notice.EventSeq != lastSeq || notice is not { Turn: { } turn, Deadline: { } deadline, PlayerId: { } playerId } || deadline <= now
            || !profile.CanMessage || !settings.TurnPings)
        {
            return null;
        }

        Open = new TurnPing(notice.TableId, notice.TableName, turn, playerId, profile.Language, deadline, notice.Legal);
        return Open;
    }
}
