namespace Orleans.Poker.BotFrontend.Rendering;

/// <summary>Cards as people read them: <c>As</c> → <c>A♠</c>, <c>Td</c> → <c>10♦</c>, hidden <c>??</c> → <c>🂠</c>.</summary>
internal static class CardText
{
    public static string Card(string card)
    {
        if (card.Length != 2 || card == "??")
        {
            return "🂠";
        }

        var rank = card[0] == 'T' ? "10" : card[0].ToString();
        var suit = card[1] switch
        {
            's' => "♠",
            'h' => "♥",
            'd' => "♦",
            'c' => "♣",
            _ => "?",
        };
        return rank + suit;
    }

    public static string Cards(IEnumerable<string> cards) => string.Join(" ", cards.Select(Card));
}
