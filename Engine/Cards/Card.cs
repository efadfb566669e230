namespace Orleans.Poker.Engine.Cards;

/// <summary>
/// A playing card as a small integer: <c>Index = rank * 4 + suit</c>, rank 0 (deuce) .. 12 (ace),
/// suit 0..3 in the order clubs, diamonds, hearts, spades (the stud bring-in order).
/// <see cref="Unknown"/> stands for a card whose face is not known (PHH <c>??</c>).
/// </summary>
public readonly record struct Card(byte Index) : IComparable<Card>
{
    public const string Ranks = "23456789TJQKA";
    public const string Suits = "cdhs";

    /// <summary>A face-down or unrecorded card (PHH <c>??</c>).</summary>
    public static readonly Card Unknown = new(52);

    /// <summary>The 52 names and <c>??</c>, made once: views name cards on every event.</summary>
    private static readonly string[] Names = [.. Enumerable.Range(0, 53).Select(i => i < 52 ? $"{Ranks[i >> 2]}{Suits[i & 3]}" : "??")];

    public Card(int rank, int suit) : this((byte)((rank << 2) | suit))
    {
    }

    public int Rank => Index >> 2;

    public int Suit => Index & 3;

    public bool IsKnown => Index < 52;

    /// <summary>The card's bit in a 64-bit card mask.</summary>
    public ulong Mask => IsKnown ? 1UL << Index : 0;

    public int CompareTo(Card other) => Index.CompareTo(other.Index);

    public override string ToString() => Names[Math.Min(Index, (byte)52)];

    /// <summary>Parses one card such as <c>As</c>, <c>Td</c> or <c>??</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Card card)
    {
        card = Unknown;
        if (text.Length != 2)
        {
            return false;
        }

        if (text[0] == '?' && text[1] == '?')
        {
            return true;
        }

        var rank = Ranks.IndexOf(char.ToUpperInvariant(text[0]));
        var suit = Suits.IndexOf(char.ToLowerInvariant(text[1]));
        if (rank < 0 || suit < 0)
        {
            return false;
        }

        card = new Card(rank, suit);
        return true;
    }

    public static Card Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var card) ? card : throw new FormatException($"'{text}' is not a card (expected rank 2-9TJQKA then suit cdhs, or ??)");

    /// <summary>Parses a run of cards written together, such as <c>AsKd</c> or <c>7c2h????</c>.</summary>
    public static Card[] ParseMany(ReadOnlySpan<char> text)
    {
        if (text.Length % 2 != 0)
        {
            throw new FormatException($"'{text}' is not a run of two-character cards");
        }

        var cards = new Card[text.Length / 2];
        for (var i = 0; i < cards.Length; i++)
        {
            cards[i] = Parse(text.Slice(i * 2, 2));
        }

        return cards;
    }
}
