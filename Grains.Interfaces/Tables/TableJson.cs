using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// The JSON of the table hub (its protocol's payload options): SignalR's own defaults — camelCase names, read
/// case-insensitively — with enums as their names. The gateways' hub speaks it, and a table serializes its events for
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
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
