namespace TongkuangAlliance.Web.Features.Shared;

/// <summary>One entry of a select list; <paramref name="ParentId"/> ties it to an entry of another list (a compound to its community).</summary>
public sealed record Option(int Id, string Name, int? ParentId = null);

/// <summary>One entry of a select list shown under a group heading (a building under its grid or compound).</summary>
public sealed record GroupedOption(int Id, string Group, string Name);
