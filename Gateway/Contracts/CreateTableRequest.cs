namespace Orleans.Poker.Gateway.Contracts;

/// <summary>
/// Create a table from a template's current version, optionally named (up to 48 characters); <see cref="Private"/>
/// makes it invite-only even when the template is public.
/// </summary>
public sealed record CreateTableRequest(string? TemplateId, string? Name, bool Private = false);
