using System.Text.Json;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// The JSON of the table hub (its protocol's payload options): SignalR's own defaults — camelCase names, read
/// case-insensitively — with enums as their names (<see cref="EnumNameConverter"/>: one member each). The gateways' hub speaks it, and a table serializes its events for
/// the gateways with it (<see cref="TableFeedEvent"/>), so both write the same bytes.
/// </summary>
public static class TableJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            Converters = { new EnumNameConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
