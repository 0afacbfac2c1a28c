namespace PeaceTalks.Web.Components.Shared;

/// <summary>One breadcrumb; the last one (the current page) has no link.</summary>
public sealed record Crumb(string Text, string? Href);
