namespace TongkuangAlliance.Web.Authorization;

/// <summary>Operations checked by the resource-based handlers.</summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Update = new() { Name = nameof(Update) };
}
