using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TongkuangAlliance.Web.Infrastructure.ModelBinding;

/// <summary>
/// Binds bool and bool? like MVC does, but keeps a value that is not a boolean (a forged "abc" for a
/// checkbox) out of the raw value it records. MVC's own binder records the text as the raw value, and when the
/// form is shown again the checkbox tag helper converts that raw value back to bool and throws — a 500
/// instead of the form with its message. Here the field gets the usual localized "not valid" error and the
/// form is shown again with the box as the model has it.
/// </summary>
public sealed class TolerantBooleanModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;

        // A checkbox posts "true" followed by its hidden "false": the first value is the box's.
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            if (!bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    bindingContext.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(bindingContext.ModelMetadata.GetDisplayName()));
            }
            else
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            return Task.CompletedTask;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, attemptedValue: text);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, bindingContext.ModelMetadata.GetDisplayName()));
        return Task.CompletedTask;
    }
}

public sealed class TolerantBooleanModelBinderProvider : IModelBinderProvider
{
    private static readonly TolerantBooleanModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? Binder : null;
}
