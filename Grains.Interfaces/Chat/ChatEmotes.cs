using System.Collections.Frozen;

namespace Orleans.Poker.Grains.Interfaces.Chat;

/// <summary>The fixed emotes a chat line may be instead of a text: code → the symbol shown (served to clients by the gateway).</summary>
public static class ChatEmotes
{
    public static readonly FrozenDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["thumbs_up"] = "👍",
        ["laugh"] = "😂",
        ["wow"] = "😮",
        ["sad"] = "😢",
        ["angry"] = "😠",
        ["clap"] = "👏",
        ["handshake"] = "🤝",
        ["fire"] = "🔥",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
