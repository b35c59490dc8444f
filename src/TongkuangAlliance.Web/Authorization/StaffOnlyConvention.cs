using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace TongkuangAlliance.Web.Authorization;

/// <summary>
/// Volunteers (issue 5) are the first role that sees only itself. Rather than trust every staff controller to
/// refuse them, every controller requires <see cref="Policies.PortalStaff"/> unless it is marked
/// <see cref="OpenToVolunteersAttribute"/>; anonymous actions stay anonymous. A new staff page is closed to
/// volunteers without anyone remembering to close it.
/// </summary>
public sealed class StaffOnlyConvention : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        if (controller.Attributes.OfType<OpenToVolunteersAttribute>().Any()) return;
        foreach (var selector in controller.Selectors)
            selector.EndpointMetadata.Add(new AuthorizeAttribute(Policies.PortalStaff));
        foreach (var action in controller.Actions)
            foreach (var selector in action.Selectors)
                selector.EndpointMetadata.Add(new AuthorizeAttribute(Policies.PortalStaff));
    }
}

/// <summary>The controller serves volunteers too (it authorizes each action itself).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OpenToVolunteersAttribute : Attribute;
