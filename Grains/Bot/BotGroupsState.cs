namespace Orleans.Poker.Grains.Bot;

/// <summary>The persisted group chats of a <see cref="BotGroupsGrain"/>, by chat id.</summary>
[GenerateSerializer, Alias("poker.bot-groups-state.v1")]
public sealed class BotGroupsState
{
    [Id(0)] public Dictionary<long, BotGroupEntry> Groups { get; set; } = [];

    /// <summary>The message announcing each group's table, kept when the bot leaves: a re-added bot edits it.</summary>
    [Id(1)] public Dictionary<long, int> Announcements { get; set; } = [];

    /// <summary>
    /// The tables their chat's id no longer names: of supergroups that were groups with a table before, and of groups
    /// whose first table ended.
    /// </summary>
    [Id(2)] public Dictionary<long, string> MovedTables { get; set; } = [];
}
