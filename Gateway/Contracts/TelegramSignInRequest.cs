namespace Orleans.Poker.Gateway.Contracts;

/// <summary>The Mini App's <c>Telegram.WebApp.initData</c> string.</summary>
public sealed record TelegramSignInRequest(string? InitData);
