using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Rendering;

/// <summary>The short message that tells a player how a hand they played ended for them.</summary>
internal static class ResultText
{
    /// <summary>
    /// What <paramref name="playerId"/> won (with their hand when shown) or lost (with who won and with what);
    /// <paramref name="net"/> is their stack after the hand less their stack before it.
    /// </summary>
    public static string Notice(TableView view, HandResult result, long playerId, long net, string language)
    {
        if (net > 0)
        {
            var mine = result.Awards.FirstOrDefault(a => a.PlayerId == playerId && a.Names is { Count: > 0 });
            var shown = mine is null ? "" : TableText.Shown(mine, language);
            return BotTexts.Get(language, "result.won", net, view.Name, result.HandNo, shown);
        }

        // The winners, each once (a seat may win several pots), with the hand they showed.
        var winners = string.Concat(result.Awards
            .Where(a => a.PlayerId != playerId)
            .GroupBy(a => a.Seat)
            .Select(seat => BotTexts.Get(
                language,
                "result.winner",
                TableText.SeatName(view, seat.Key),
                seat.Sum(a => a.Amount),
                seat.FirstOrDefault(a => a.Names is { Count: > 0 }) is { } shown ? TableText.Shown(shown, language) : "")));
        return net < 0
            ? BotTexts.Get(language, "result.lost", -net, view.Name, result.HandNo, winners)
            : BotTexts.Get(language, "result.even", net, view.Name, result.HandNo, winners);
    }
}
