using System.Text.Json.Nodes;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// One request the bot made to the fake Bot API, in arrival order; <see cref="SentMessageId"/> is the id the fake gave
/// the message a successful <c>sendMessage</c> sent (what later edits of that message name); <see cref="Token"/> the bot
/// token the request was made with.
/// </summary>
public sealed record BotApiRequest(int Index, string Method, string Body, JsonObject Json, DateTimeOffset At, int Status, int? SentMessageId = null, string Token = "")
{
    public long? ChatId => Json["chat_id"] is JsonValue value
        ? value.TryGetValue<long>(out var id) ? id : long.TryParse(value.ToString(), out var parsed) ? parsed : null
        : null;

    public string Text => Json["text"]?.GetValue<string>() ?? "";

    public int? MessageId => Json["message_id"]?.GetValue<int>();

    /// <summary>Every callback_data of the inline keyboard, row by row flattened.</summary>
    public IReadOnlyList<string> CallbackData =>
        (Json["reply_markup"]?["inline_keyboard"] as JsonArray ?? [])
            .SelectMany(row => row as JsonArray ?? [])
            .Select(button => button?["callback_data"]?.GetValue<string>())
            .OfType<string>()
            .ToList();

    /// <summary>Every button text of the inline keyboard.</summary>
    public IReadOnlyList<string> ButtonTexts =>
        (Json["reply_markup"]?["inline_keyboard"] as JsonArray ?? [])
            .SelectMany(row => row as JsonArray ?? [])
            .Select(button => button?["text"]?.GetValue<string>())
            .OfType<string>()
            .ToList();

    public bool Accepted => Status == 200;
}
