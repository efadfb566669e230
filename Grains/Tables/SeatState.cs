using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tables;

/// <summary>A taken seat: who sits there and the chips in front of them (between hands; in a hand the engine has them).</summary>
[GenerateSerializer, Alias("poker.seat-state.v1")]
public sealed class SeatState
{
    [Id(0)] public long PlayerId { get; set; }

    [Id(1)] public string Name { get; set; } = "";

    [Id(2)] public long Stack { get; set; }

    [Id(3)] public bool SittingOut { get; set; }

    /// <summary>Turn-clock timeouts in a row; reset by any own action.</summary>
    [Id(4)] public int Timeouts { get; set; }

    [Id(5)] public bool IsRobot { get; set; }

    /// <summary>Asked to leave during a hand: cashed out when it ends.</summary>
    [Id(6)] public bool LeaveAfterHand { get; set; }

    /// <summary>Sit-and-go: finished in this place (1 = winner); 0 while still playing.</summary>
    [Id(7)] public int FinishedPlace { get; set; }

    /// <summary>Leaving after the hand because an admin removed the player (the seat history's reason).</summary>
    [Id(8)] public bool RemovedByAdmin { get; set; }

    /// <summary>When the player sat out (the sit-out limit counts from it); null while playing.</summary>
    [Id(9)] public DateTimeOffset? SatOutAt { get; set; }

    /// <summary>Hands dealt without the player since they sat out.</summary>
    [Id(10)] public int HandsMissed { get; set; }

    /// <summary>What is left of the seat's time bank.</summary>
    [Id(11)] public TimeSpan TimeBank { get; set; }

    /// <summary>Hands dealt to the seat since its bank was last filled.</summary>
    [Id(12)] public int HandsSinceRefill { get; set; }

    /// <summary>The action pre-selected for one street of one hand (<see cref="Model.PreActions"/>).</summary>
    [Id(13)] public ChosenPreAction? PreAction { get; set; }

    /// <summary>
    /// Seated since the last hand was dealt: the button does not move onto the seat (<see cref="Model.HandCycle.Start"/>),
    /// or a player sitting down between the button and the blinds would take it and the same players post the blinds again.
    /// </summary>
    [Id(14)] public bool NewToTable { get; set; }
}

/// <summary>A pre-selected action and the hand and street it was chosen for.</summary>
[GenerateSerializer, Immutable, Alias("poker.chosen-pre-action.v1")]
public sealed record ChosenPreAction([property: Id(0)] PreAction Choice, [property: Id(1)] long HandNo, [property: Id(2)] int Street);
