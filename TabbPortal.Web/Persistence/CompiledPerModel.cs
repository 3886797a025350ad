using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TabbPortal.Web.Persistence;

/// <summary>
/// A compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, TResult}})"/>)
/// for each model it meets. EF binds a compiled query to the model of the first context that runs it and refuses any
/// other; the portal has one model, but contexts built with other options (a second portal in one test run, tools) have
/// their own. Used for the reads every live edit makes, where building the query's expression each time showed in profiles.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _byModel.GetValue(context.Model, _ => compile());
    }
}
