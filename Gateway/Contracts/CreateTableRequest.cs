namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Create a table from a template's current version, optionally named (up to 48 characters).</summary>
public sealed record CreateTableRequest(string? TemplateId, string? Name);
