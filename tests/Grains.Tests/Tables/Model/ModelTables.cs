using System.Security.Cryptography;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Tables;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

/// <summary>Table states for the model tests: no silo, players 1..n in seats 0..n-1.</summary>
internal static class ModelTables
{
    public const string TableId = "tbl-model";

    public static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public static TableState With(TemplateConfig config, params long[] stacks)
    {
        var state = new TableState
        {
            Created = true,
            Config = config,
            Name = config.Name,
            Status = TableStatus.Waiting,
            Seats = new SeatState?[config.MaxPlayers],
        };
        for (var i = 0; i < stacks.Length; i++)
        {
            state.Seats[i] = new SeatState { PlayerId = i + 1, Name = $"P{i + 1}", Stack = stacks[i] };
        }

        return state;
    }

    public static TableState Holdem(params long[] stacks) => With(TableKit.Holdem(), stacks);

    /// <summary>A hand dealt at <see cref="Now"/> the way the table deals it.</summary>
    public static Hand Deal(TableState state) => HandCycle.Start(state, Now, HandCycle.Shuffle(state, RandomNumberGenerator.Create()));

    /// <summary>The turn a client would name: the hand and the turn the table opened.</summary>
    public static TurnRef Turn(TableState state, Hand hand)
    {
        TableClock.OpenTurn(state, hand, Now);
        return new TurnRef(state.HandNo, state.TurnId);
    }

    /// <summary>The player id whose turn it is.</summary>
    public static long Actor(TableState state, Hand hand) => state.Seats[state.HandSeats[hand.Actor!.Value]]!.PlayerId;
}
