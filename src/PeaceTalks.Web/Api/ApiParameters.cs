using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PeaceTalks.Web.Api;

/// <summary>
/// The query parameters of the API in its OpenAPI document. The endpoints read the query string themselves (strictly,
/// see <see cref="ApiQuery"/>), so the document is told what each name means here, in one place.
/// </summary>
public static class ApiParameters
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["actor"] = "Actor slug; repeat for several (any of them).",
        ["side"] = "Side (e.g. Russia, Ukraine); repeat for several.",
        ["issue"] = "Issue slug; repeat for several.",
        ["from"] = "First day, YYYY-MM-DD.",
        ["to"] = "Last day, YYYY-MM-DD.",
        ["q"] = "Words to find (case and accents folded; \"a phrase\" in double quotes; the last word is also a prefix). At most 200 characters.",
        ["order"] = "newest (default) or oldest.",
        ["retracted"] = "include to list retracted items too, with the reason; hide (default).",
        ["asof"] = "The day the matrix describes, YYYY-MM-DD (default: today).",
        ["since"] = "The day to compare with, YYYY-MM-DD (before asof).",
        ["limit"] = "Page size, 1 to 100 (default 25).",
        ["cursor"] = "The 'next' value of the previous page, with the same filters.",
    };

    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, IEnumerable<string> names) where TBuilder : IEndpointConventionBuilder
    {
        var list = names.ToArray();
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var name in list)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Description = Descriptions[name],
                    Schema = name == "limit" ? new OpenApiSchema { Type = JsonSchemaType.Integer } : new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
            return Task.CompletedTask;
        });
    }
}
