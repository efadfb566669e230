namespace Orleans.Poker.Engine.Evaluation;

/// <summary>
/// A hand value as structured data, for front ends to put into words in their own language: the
/// <see cref="Kind"/> and the <see cref="Ranks"/> that name it, as rank symbols (<c>23456789TJQKA</c>). A made
/// hand's ranks are its first and second ranks ("queens and nines": <c>QQ9</c> → <c>Q9</c>); a high card or a
/// straight or flush names its top rank; a low or a badugi lists every card.
/// </summary>
public readonly record struct HandName(HandNameKind Kind, string Ranks);
