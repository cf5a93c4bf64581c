"""oer: the good-practice blueprints' tables are named after their model, Practice
(oer_blueprint -> oer_practice, oer_blueprint_author -> oer_practice_author,
oer_blueprint_comment -> oer_practice_comment, blueprint_id -> practice_id), keeping the rows

The tables are made anew under the new names and the rows copied, so that every constraint,
index and (on PostgreSQL) id sequence carries the new name on both databases, then the old
tables are dropped; the downgrade does the same the other way. The ids stay, so the catalogue's
items of the kind `oer.blueprint` (whose key is the id) still find their working copy.

Revision ID: oer_0007_practices
Revises: oer_0006_catalogue_generation
Create Date: 2026-12-07 20:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'oer_0007_practices'
down_revision = 'oer_0006_catalogue_generation'
branch_labels = None
depends_on = None

MAIN_COLUMNS = [
    ('id', sa.Integer, False), ('title', lambda: sa.String(length=200), False),
    ('summary', sa.Text, False), ('context_source', sa.Text, False), ('context', sa.Text, False),
    ('problem_source', sa.Text, False), ('problem', sa.Text, False),
    ('actor_types', sa.JSON, False), ('actors_source', sa.Text, False),
    ('actors', sa.Text, False), ('steps_source', sa.Text, False), ('steps', sa.JSON, False),
    ('resources_source', sa.Text, False), ('resources', sa.Text, False),
    ('success_factors_source', sa.Text, False), ('success_factors', sa.Text, False),
    ('challenges_source', sa.Text, False), ('challenges', sa.Text, False),
    ('evidence_source', sa.Text, False), ('evidence', sa.Text, False),
    ('transferability_source', sa.Text, False), ('transferability', sa.Text, False),
    ('integration_area', lambda: sa.String(length=32), False),
    ('level', lambda: sa.String(length=16), False),
    ('country', lambda: sa.String(length=2), False),
    ('contact', lambda: sa.String(length=300), False),
    ('language', lambda: sa.String(length=8), False),
    ('licence', lambda: sa.String(length=32), False),
    ('organisation_id', sa.Integer, True), ('created_by_id', sa.Integer, True),
    ('status', lambda: sa.String(length=16), False), ('version', sa.Integer, False),
    ('created_at', sa.DateTime, False), ('updated_at', sa.DateTime, False),
    ('submitted_at', sa.DateTime, True),
]
COMMENT_COLUMNS = ['id', 'author_id', 'event', 'body', 'created_at']


def create_tables(name):
    """oer_<name>, oer_<name>_author and oer_<name>_comment, as the models of that name have
    them (<name>_id refers to oer_<name>)."""
    main, key = f'oer_{name}', f'{name}_id'
    op.create_table(main,
        *[sa.Column(column, kind(), nullable=nullable) for column, kind, nullable in MAIN_COLUMNS],
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f(f'fk_{main}_created_by_id_users'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f(f'fk_{main}_organisation_id_organisations'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{main}'))
    )
    op.create_index(op.f(f'ix_{main}_organisation_id'), main, ['organisation_id'], unique=False)
    op.create_index(op.f(f'ix_{main}_status'), main, ['status'], unique=False)
    op.create_table(f'{main}_author',
        sa.Column(key, sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint([key], [f'{main}.id'], name=op.f(f'fk_{main}_author_{key}_{main}'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f(f'fk_{main}_author_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint(key, 'user_id', name=op.f(f'pk_{main}_author'))
    )
    op.create_table(f'{main}_comment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column(key, sa.Integer(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('event', sa.String(length=16), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f(f'fk_{main}_comment_author_id_users'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint([key], [f'{main}.id'], name=op.f(f'fk_{main}_comment_{key}_{main}'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{main}_comment'))
    )
    op.create_index(op.f(f'ix_{main}_comment_{key}'), f'{main}_comment', [key], unique=False)


def move(old, new):
    """Copy the rows of oer_<old>* into oer_<new>*, then drop the old tables."""
    columns = ', '.join(column for column, _kind, _nullable in MAIN_COLUMNS)
    op.execute(f'INSERT INTO oer_{new} ({columns}) SELECT {columns} FROM oer_{old}')
    op.execute(f'INSERT INTO oer_{new}_author ({new}_id, user_id) '
               f'SELECT {old}_id, user_id FROM oer_{old}_author')
    comment = ', '.join(COMMENT_COLUMNS)
    op.execute(f'INSERT INTO oer_{new}_comment ({new}_id, {comment}) '
               f'SELECT {old}_id, {comment} FROM oer_{old}_comment')
    if op.get_bind().dialect.name == 'postgresql':
        # the copied ids were given explicitly: the new tables' sequences start after them
        for table in (f'oer_{new}', f'oer_{new}_comment'):
            op.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                       f"COALESCE(MAX(id), 0) + 1, false) FROM {table}")
    op.drop_table(f'oer_{old}_comment')
    op.drop_table(f'oer_{old}_author')
    op.drop_table(f'oer_{old}')


def upgrade():
    create_tables('practice')
    move('blueprint', 'practice')


def downgrade():
    create_tables('blueprint')
    move('practice', 'blueprint')
