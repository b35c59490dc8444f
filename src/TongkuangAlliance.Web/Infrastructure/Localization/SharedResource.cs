namespace TongkuangAlliance.Web;

/// <summary>
/// Marker for the portal's one resource set: Resources/SharedResource.zh-CN.resx (default) and
/// Resources/SharedResource.en.resx. Views inject IStringLocalizer&lt;SharedResource&gt; as L.
/// </summary>
#pragma warning disable CA1052 // a marker type for IStringLocalizer<T>; it is never instantiated but must be a type argument
public sealed class SharedResource
#pragma warning restore CA1052
{
    private SharedResource() { }
}
