using PeaceTalks.Web.Filtering;
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
        [FilterNames.Actor] = "Actor slug; repeat for several (any of them).",
        [FilterNames.Side] = "Side (e.g. Russia, Ukraine); repeat for several.",
        [FilterNames.Issue] = "Issue slug; repeat for several.",
        [FilterNames.From] = "First day, YYYY-MM-DD.",
        [FilterNames.To] = "Last day, YYYY-MM-DD.",
        [FilterNames.Text] = "Words to find (case and accents folded; \"a phrase\" in double quotes; the last word is also a prefix). At most 200 characters.",
        [FilterNames.Order] = "newest (default) or oldest.",
        [FilterNames.Retracted] = "include to list retracted items too, with the reason; hide (default).",
        [FilterNames.AsOf] = "The day the matrix describes, YYYY-MM-DD (default: today).",
        [FilterNames.Since] = "The day to compare with, YYYY-MM-DD (before asof).",
        [FilterNames.Verified] = "only: just the items someone other than their author checked against the source (for the matrix, verified positions only); any (default): verified or not.",
        [ApiQuery.LimitName] = "Page size, 1 to 100 (default 25).",
        [ApiQuery.CursorName] = "The 'next' value of the previous page, with the same filters.",
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
                    Schema = name == ApiQuery.LimitName ? new OpenApiSchema { Type = JsonSchemaType.Integer } : new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
            return Task.CompletedTask;
        });
    }
}
